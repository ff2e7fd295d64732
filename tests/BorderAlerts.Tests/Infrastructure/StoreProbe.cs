using System.Globalization;
using System.Text;
using BorderAlerts.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Tests.Infrastructure;

public sealed record ItemRow(long Id, string Title, string? Url, string? Guid, DateTimeOffset? Published, string FirstFeedId, long? EvidenceId);

public sealed record EvidenceRow(long Id, string FeedId, string Url, string Sha256, long Length, string Headers, byte[] Body);

/// <summary>Reads the SQLite tables directly, so tests assert on what was stored rather than on what the store reports.</summary>
public static class StoreProbe
{
    public static async Task<long> CountAsync(this SqliteDatabase database, string table, string where = "1 = 1")
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<IReadOnlyList<ItemRow>> ItemsAsync(this SqliteDatabase database)
    {
        var rows = new List<ItemRow>();
        await foreach (var r in QueryAsync(database, "SELECT id, title, url, guid, published_at, first_feed_id, evidence_id FROM items ORDER BY id"))
        {
            rows.Add(new ItemRow(r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3),
                r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6)));
        }
        return rows;
    }

    public static async Task<IReadOnlyList<EvidenceRow>> EvidenceAsync(this SqliteDatabase database)
    {
        var rows = new List<EvidenceRow>();
        await foreach (var r in QueryAsync(database, "SELECT id, feed_id, url, sha256, length, headers, body FROM evidence ORDER BY id"))
            rows.Add(new EvidenceRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), (byte[])r.GetValue(6)));
        return rows;
    }

    /// <summary>(item id, feed id) for every sighting.</summary>
    public static async Task<IReadOnlyList<(long ItemId, string FeedId)>> SightingsAsync(this SqliteDatabase database)
    {
        var rows = new List<(long, string)>();
        await foreach (var r in QueryAsync(database, "SELECT item_id, feed_id FROM sightings ORDER BY item_id, feed_id"))
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
            await foreach (var r in QueryAsync(database, $"SELECT * FROM {table} ORDER BY 1, 2"))
            {
                dump.Append(table);
                for (int i = 0; i < r.FieldCount; i++) dump.Append('|').Append(Cell(r.GetValue(i)));
                dump.AppendLine();
            }
        }
        return dump.ToString();
    }

    static async IAsyncEnumerable<SqliteDataReader> QueryAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
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

    static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>Direct writes for tests that need to move time forward in the store.</summary>
public static class StoreWrites
{
    public static async Task ExecuteAsync(this BorderAlerts.Storage.Sqlite.SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
