using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// WebSub subscriptions in websub_subscriptions, the same statements on both stores. A step is a write conditional on the
/// state read, so two instances never both take it; which step is due is the core's decision (WebSubSubscriber).
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class WebSubTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IWebSubStore
{
    const string Columns = "callback_id, feed_id, hub, topic, secret, state, due_at, expires_at, attempts, last_error, created_at";

    public async Task<bool> AddAsync(WebSubSubscription s, CancellationToken cancellationToken) =>
        await LockedAsync(connection => Db.Run(connection, $"INSERT INTO websub_subscriptions ({Columns}) VALUES (@id, @feed, @hub, @topic, @secret, " +
            "@state, @due, @expires, @attempts, @error, @created) ON CONFLICT DO NOTHING", cancellationToken, Parameters(s)), cancellationToken) == 1;

    public async Task<WebSubSubscription?> FindAsync(string callbackId, CancellationToken cancellationToken) =>
        (await ReadAsync("WHERE callback_id = @id", cancellationToken, ("id", callbackId))).FirstOrDefault();

    public async Task<IReadOnlyList<WebSubSubscription>> ListAsync(CancellationToken cancellationToken) =>
        await ReadAsync("ORDER BY created_at, callback_id", cancellationToken);

    public async Task<bool> UpdateAsync(WebSubSubscription s, SubscriptionState expected, CancellationToken cancellationToken) =>
        await LockedAsync(connection => Db.Run(connection, "UPDATE websub_subscriptions SET state = @state, due_at = @due, expires_at = @expires, " +
            "attempts = @attempts, last_error = @error WHERE callback_id = @id AND state = @expected", cancellationToken,
            [.. Parameters(s), ("expected", Name(expected))]), cancellationToken) == 1;

    public async Task RemoveAsync(string callbackId, CancellationToken cancellationToken) =>
        await LockedAsync(connection => Db.Run(connection, "DELETE FROM websub_subscriptions WHERE callback_id = @id", cancellationToken,
            ("id", callbackId)), cancellationToken);

    static (string, object?)[] Parameters(WebSubSubscription s) =>
    [
        ("id", s.CallbackId), ("feed", s.FeedId), ("hub", s.Hub.AbsoluteUri), ("topic", s.Topic.OriginalString), ("secret", s.Secret),
        ("state", Name(s.State)), ("due", Db.Ms(s.DueAt)), ("expires", s.ExpiresAt is { } e ? Db.Ms(e) : null), ("attempts", s.Attempts),
        ("error", s.LastError), ("created", Db.Ms(s.CreatedAt)),
    ];

    /// <summary>The state as the table writes it (its partial index names two of them).</summary>
    static string Name(SubscriptionState state) => state.ToString().ToLowerInvariant();

    async Task<List<WebSubSubscription>> ReadAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT {Columns} FROM websub_subscriptions {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WebSubSubscription>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new WebSubSubscription(reader.GetString(0), reader.GetString(1), new Uri(reader.GetString(2)), new Uri(reader.GetString(3)),
                reader.GetString(4), Enum.Parse<SubscriptionState>(reader.GetString(5), ignoreCase: true),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), Db.Time(reader, 7), Convert.ToInt32(reader.GetValue(8)),
                Db.Text(reader, 9), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
        return rows;
    }

    Task<T> LockedAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        Db.WriteAsync(open, writeLock, write, cancellationToken);
}
