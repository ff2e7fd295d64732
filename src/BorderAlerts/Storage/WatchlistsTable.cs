using System.Data.Common;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Storage;

/// <summary>
/// Watchlists' copies in watchlist_state (one row per list) and watchlist_entries (one row per entry, its JSON), the
/// same statements on both stores. A claim is one conditional upsert of last_attempt_at: the row count says whose it
/// is. A new copy replaces the old in one transaction, so a catalog never reads half a copy. Part of an export.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class WatchlistsTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IWatchlistStore
{
    const int InsertBatch = 50;

    const string Claim = """
        INSERT INTO watchlist_state (list_id, entries, consecutive_failures, last_attempt_at) VALUES (@list, 0, 0, @now)
        ON CONFLICT (list_id) DO UPDATE SET last_attempt_at = excluded.last_attempt_at
        WHERE COALESCE(watchlist_state.last_attempt_at, -1) = @seen
        """;

    const string Save = """
        UPDATE watchlist_state SET etag = @etag, last_modified = @modified, refreshed_at = @refreshed, last_attempt_at = @attempt,
            entries = @entries, consecutive_failures = @failures, last_error = @error
        WHERE list_id = @list
        """;

    public async Task<IReadOnlyList<WatchlistState>> ListStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, """
            SELECT list_id, etag, last_modified, refreshed_at, last_attempt_at, entries, consecutive_failures, last_error
            FROM watchlist_state ORDER BY list_id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<WatchlistState>();
        while (await reader.ReadAsync(cancellationToken))
            states.Add(new WatchlistState(reader.GetString(0))
            {
                ETag = Db.Text(reader, 1), LastModified = Db.Text(reader, 2), RefreshedAt = Db.Time(reader, 3), LastAttemptAt = Db.Time(reader, 4),
                Entries = reader.GetInt32(5), ConsecutiveFailures = reader.GetInt32(6), LastError = Db.Text(reader, 7),
            });
        return states;
    }

    public async Task<IReadOnlyList<WatchlistEntry>> EntriesAsync(string listId, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, "SELECT entry FROM watchlist_entries WHERE list_id = @list ORDER BY position", ("list", listId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<WatchlistEntry>();
        while (await reader.ReadAsync(cancellationToken)) entries.Add(WatchlistEntryJson.Read(reader.GetString(0)));
        return entries;
    }

    public async Task<bool> TryClaimAsync(string listId, DateTimeOffset? seen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var writing = await WriteTurnAsync(cancellationToken);
        await using var connection = await open(cancellationToken);
        return await Db.Run(connection, Claim, cancellationToken, ("list", listId), ("now", Db.Ms(now)), ("seen", seen is { } s ? Db.Ms(s) : -1L)) == 1;
    }

    public async Task SaveAsync(WatchlistState state, IReadOnlyList<WatchlistEntry>? entries, CancellationToken cancellationToken)
    {
        await using var writing = await WriteTurnAsync(cancellationToken);
        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Db.Command(connection, Save, ("list", state.ListId), ("etag", state.ETag), ("modified", state.LastModified),
            ("refreshed", state.RefreshedAt is { } r ? Db.Ms(r) : null), ("attempt", state.LastAttemptAt is { } a ? Db.Ms(a) : null),
            ("entries", state.Entries), ("failures", state.ConsecutiveFailures), ("error", state.LastError)))
        {
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (entries is not null) await ReplaceEntriesAsync(connection, transaction, state.ListId, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    static async Task ReplaceEntriesAsync(DbConnection connection, DbTransaction transaction, string listId, IReadOnlyList<WatchlistEntry> entries,
        CancellationToken cancellationToken)
    {
        await using (var delete = Db.Command(connection, "DELETE FROM watchlist_entries WHERE list_id = @list", ("list", listId)))
        {
            delete.Transaction = transaction;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        var position = 0;
        // Rows go in batches of one multi-row INSERT each, the full batches through one command that SQLite prepares once:
        // a round trip per entry made a 20,000-entry list take seconds on PostgreSQL.
        DbCommand? full = null;
        try
        {
            foreach (var batch in entries.Chunk(InsertBatch))
            {
                var insert = batch.Length == InsertBatch ? full ??= Insert(connection, transaction, listId, InsertBatch) : Insert(connection, transaction, listId, batch.Length);
                for (int i = 0; i < batch.Length; i++)
                {
                    // By index (list, then p, i, e per row): a lookup by name is a linear search through the batch's parameters.
                    insert.Parameters[1 + 3 * i].Value = position++;
                    insert.Parameters[2 + 3 * i].Value = batch[i].EntryId;
                    insert.Parameters[3 + 3 * i].Value = WatchlistEntryJson.Write(batch[i]);
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
                if (insert != full) await insert.DisposeAsync();
            }
        }
        finally { if (full is not null) await full.DisposeAsync(); }
    }

    static DbCommand Insert(DbConnection connection, DbTransaction transaction, string listId, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@list, @p{i}, @i{i}, @e{i})"));
        var command = Db.Command(connection, $"INSERT INTO watchlist_entries (list_id, position, entry_id, entry) VALUES {values}",
            [("list", listId), .. Enumerable.Range(0, rows).SelectMany(i => new (string, object?)[] { ($"p{i}", 0), ($"i{i}", ""), ($"e{i}", "") })]);
        command.Transaction = transaction;
        return command;
    }

    async Task<IAsyncDisposable> WriteTurnAsync(CancellationToken cancellationToken)
    {
        if (writeLock is null) return NoTurn.Instance;
        await writeLock.WaitAsync(cancellationToken);
        return new Turn(writeLock);
    }

    sealed class Turn(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() { gate.Release(); return ValueTask.CompletedTask; }
    }

    sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
