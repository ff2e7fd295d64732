using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace BorderAlerts.Storage;

/// <summary>Who a panel link or session is for, with the role the chat rules gave them when they asked for the link.</summary>
public sealed record PanelUser(string Platform, string UserId, string Name, bool IsAdmin)
{
    public string Role => IsAdmin ? "admin" : "reader";
}

/// <summary>
/// The web panel's one-time sign-in links and sessions in panel_sign_ins, the same statements on both stores, so every
/// instance sharing the store honours them. Only a SHA-256 of each random secret is stored: a copy of the table signs no
/// one in. A link is taken by deleting its row, so two instances given the same link at once start one session.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class PanelSignIns(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null)
{
    const string Link = "link", Session = "session";

    /// <summary>A new random 256-bit secret in lower-case hex: safe in a URL, a cookie, and chat markup (nothing to escape).</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public Task AddLinkAsync(string secret, PanelUser user, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken) =>
        AddAsync(Link, secret, user, expires, now, cancellationToken);

    public Task AddSessionAsync(string secret, PanelUser user, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken) =>
        AddAsync(Session, secret, user, expires, now, cancellationToken);

    /// <summary>The link's user if it is known and unexpired; the link is gone afterwards either way.</summary>
    public async Task<PanelUser?> TakeLinkAsync(string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Hash(secret) is not { } key) return null;
        return await LockedAsync(async connection =>
        {
            await using var command = Db.Command(connection, "DELETE FROM panel_sign_ins WHERE key = @key AND kind = @kind " +
                "RETURNING platform, user_id, user_name, admin, expires_at", ("key", key), ("kind", Link));
            return await ReadUserAsync(command, now, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The session's user while it lasts; null for an unknown, ended or expired one.</summary>
    public async Task<PanelUser?> FindSessionAsync(string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Hash(secret) is not { } key) return null;
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, "SELECT platform, user_id, user_name, admin, expires_at FROM panel_sign_ins " +
            "WHERE key = @key AND kind = @kind", ("key", key), ("kind", Session));
        return await ReadUserAsync(command, now, cancellationToken);
    }

    public async Task EndSessionAsync(string secret, CancellationToken cancellationToken)
    {
        if (Hash(secret) is not { } key) return;
        await LockedAsync(async connection => await Db.Run(connection, "DELETE FROM panel_sign_ins WHERE key = @key AND kind = @kind",
            cancellationToken, ("key", key), ("kind", Session)), cancellationToken);
    }

    /// <summary>Writes a row, deleting expired ones on the way (links and sessions are few).</summary>
    async Task AddAsync(string kind, string secret, PanelUser user, DateTimeOffset expires, DateTimeOffset now, CancellationToken cancellationToken) =>
        await LockedAsync(async connection =>
        {
            await Db.Run(connection, "DELETE FROM panel_sign_ins WHERE expires_at <= @now", cancellationToken, ("now", Db.Ms(now)));
            return await Db.Run(connection, "INSERT INTO panel_sign_ins (key, kind, platform, user_id, user_name, admin, expires_at) " +
                "VALUES (@key, @kind, @platform, @user, @name, @admin, @expires)", cancellationToken, ("key", Hash(secret)!), ("kind", kind),
                ("platform", user.Platform), ("user", user.UserId), ("name", user.Name), ("admin", user.IsAdmin ? 1 : 0), ("expires", Db.Ms(expires)));
        }, cancellationToken);

    static async Task<PanelUser?> ReadUserAsync(DbCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(4) <= Db.Ms(now)) return null;
        return new PanelUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3)) == 1);
    }

    async Task<T> LockedAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            return await write(connection);
        }
        finally { writeLock?.Release(); }
    }

    /// <summary>SHA-256 of a well-formed secret (64 lower-case hex digits); null for anything else, which matches no row.</summary>
    static byte[]? Hash(string? secret) =>
        secret is { Length: 64 } && secret.All(char.IsAsciiHexDigitLower) ? SHA256.HashData(Encoding.ASCII.GetBytes(secret)) : null;
}
