using System.Data.Common;
using BorderAlerts.Core.Panel;

namespace BorderAlerts.Storage;

/// <summary>
/// The web panel's passes (one-time links and sessions) in panel_sign_ins, the same statements on both stores, so every
/// instance sharing the store honours them. A link is taken by deleting its row, so two instances given the same link
/// at once get it once. Whether a pass still works is the core's decision (<see cref="PanelSignIn"/>).
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class PanelPassesTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IPanelPassStore
{
    public async Task AddAsync(PanelPassKind kind, byte[] key, PanelPass pass, CancellationToken cancellationToken) =>
        await LockedAsync(connection => Db.Run(connection, "INSERT INTO panel_sign_ins (key, kind, platform, user_id, user_name, admin, expires_at) " +
            "VALUES (@key, @kind, @platform, @user, @name, @admin, @expires)", cancellationToken, ("key", key), ("kind", Kind(kind)),
            ("platform", pass.User.Platform), ("user", pass.User.UserId), ("name", pass.User.Name), ("admin", pass.User.IsAdmin ? 1 : 0),
            ("expires", Db.Ms(pass.Expires))), cancellationToken);

    public async Task<PanelPass?> TakeAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken) =>
        await LockedAsync(async connection =>
        {
            await using var command = Db.Command(connection, "DELETE FROM panel_sign_ins WHERE key = @key AND kind = @kind " +
                "RETURNING platform, user_id, user_name, admin, expires_at", ("key", key), ("kind", Kind(kind)));
            return await ReadAsync(command, cancellationToken);
        }, cancellationToken);

    public async Task<PanelPass?> FindAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, "SELECT platform, user_id, user_name, admin, expires_at FROM panel_sign_ins " +
            "WHERE key = @key AND kind = @kind", ("key", key), ("kind", Kind(kind)));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task RemoveAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken) =>
        await LockedAsync(connection => Db.Run(connection, "DELETE FROM panel_sign_ins WHERE key = @key AND kind = @kind",
            cancellationToken, ("key", key), ("kind", Kind(kind))), cancellationToken);

    public async Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await LockedAsync(connection => Db.Run(connection, "DELETE FROM panel_sign_ins WHERE expires_at <= @now", cancellationToken,
            ("now", Db.Ms(now))), cancellationToken);

    /// <summary>The kind as the table has always written it.</summary>
    static string Kind(PanelPassKind kind) => kind == PanelPassKind.Link ? "link" : "session";

    static async Task<PanelPass?> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var user = new PanelUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3)) == 1);
        return new PanelPass(user, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    Task<T> LockedAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        Db.WriteAsync(open, writeLock, write, cancellationToken);
}
