using System.Globalization;
using System.Text;
using System.Data.Common;
using BorderAlerts.Storage.Postgres;
using BorderAlerts.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Infrastructure;

public sealed record ItemRow(long Id, string Title, string? Url, string? Guid, DateTimeOffset? Published, string FirstFeedId, long? EvidenceId);

public sealed record EvidenceRow(long Id, string FeedId, string Url, string Sha256, long Length, string Headers, byte[] Body);

/// <summary>
/// Reads the store's tables directly, on SQLite or PostgreSQL, so tests assert on what was stored rather than on what
/// the store reports. Conditions passed in are SQL both databases read alike (`alertable`, not `alertable = 1`).
/// </summary>
public sealed class StoreProbe(Func<Task<DbConnection>> open)
{
    /// <summary>Items the archive index holds (its ready segments; the same tables on both stores).</summary>
    public async Task<long> IndexedItemsAsync()
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(items), 0) FROM search_segments WHERE ready";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Empties the archive index, as a store from before it existed would be.</summary>
    public Task DropIndexAsync() => ExecuteAsync("DELETE FROM search_blocks; DELETE FROM search_segments; DELETE FROM search_words");

    public static StoreProbe For(IServiceProvider services) => services.GetService<SqliteDatabase>() is { } sqlite
        ? new StoreProbe(async () => await sqlite.OpenAsync())
        : new StoreProbe(async () => await services.GetRequiredService<PostgresDatabase>().OpenAsync());

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The first column of a query's rows, as text.</summary>
    public async Task<IReadOnlyList<string>> TextsAsync(string sql)
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync()) texts.Add(Convert.ToString(reader.GetValue(0))!);
        return texts;
    }

    /// <summary>A direct write, for tests that need to move time forward in the store.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ItemRow>> ItemsAsync()
    {
        var rows = new List<ItemRow>();
        await foreach (var r in QueryAsync(open, "SELECT id, title, url, guid, published_at, first_feed_id, evidence_id FROM items ORDER BY id"))
        {
            rows.Add(new ItemRow(r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3),
                r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<EvidenceRow>> EvidenceAsync()
    {
        var rows = new List<EvidenceRow>();
        await foreach (var r in QueryAsync(open, "SELECT id, feed_id, url, sha256, length, headers, body FROM evidence ORDER BY id"))
            rows.Add(new EvidenceRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), (byte[])r.GetValue(6)));
        return rows;
    }

    /// <summary>(item id, feed id) for every sighting.</summary>
    public async Task<IReadOnlyList<(long ItemId, string FeedId)>> SightingsAsync()
    {
        var rows = new List<(long, string)>();
        await foreach (var r in QueryAsync(open, "SELECT item_id, feed_id FROM sightings ORDER BY item_id, feed_id"))
            rows.Add((r.GetInt64(0), r.GetString(1)));
        return rows;
    }

    /// <summary>Every row of every table as text, to prove that a command changed nothing.</summary>
    public static async Task<string> DumpAsync(string databaseFile)
    {
        var database = new SqliteDatabase($"Data Source={databaseFile};Mode=ReadOnly");
        var dump = new StringBuilder();
        foreach (var table in new[] { "feeds", "items", "item_keys", "sightings", "evidence", "alerts" })
        {
            await foreach (var r in QueryAsync(async () => await database.OpenAsync(), $"SELECT * FROM {table} ORDER BY 1, 2"))
            {
                dump.Append(table);
                for (int i = 0; i < r.FieldCount; i++) dump.Append('|').Append(Cell(r.GetValue(i)));
                dump.AppendLine();
            }
        }
        return dump.ToString();
    }

    static async IAsyncEnumerable<DbDataReader> QueryAsync(Func<Task<DbConnection>> open, string sql)
    {
        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return reader;
    }

    static string Cell(object value) => value switch
    {
        DBNull => "∅",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
