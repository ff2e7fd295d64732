using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// The vocabulary of Latin-script words prefix queries expand over (search_words), with this process's cache of the
/// words the table holds, so a poll inserts only words not seen before (inserting every word of every poll cost a
/// fifth of the index's time). Only rows read back on a connection of their own — committed rows — enter the cache,
/// never words this process inserted, so a rolled-back poll cannot leave the cache claiming a word the table lacks;
/// a new word is inserted again (INSERT OR IGNORE) until the next read-back.
/// </summary>
public sealed class SqliteSearchWords(SqliteDatabase database)
{
    const int InsertsPerRefresh = 500;

    readonly Lock gate = new();
    readonly HashSet<string> known = new(StringComparer.Ordinal);
    long readUpTo;
    int insertsSinceRefresh = InsertsPerRefresh;

    public async Task AddAsync(SqliteConnection connection, IEnumerable<string> words, CancellationToken cancellationToken)
    {
        List<string> missing;
        lock (gate) missing = words.Where(w => !known.Contains(w)).ToList();
        foreach (var chunk in missing.Chunk(200))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO search_words (word) VALUES " + string.Join(", ", chunk.Select((_, n) => $"($w{n})"));
            for (int n = 0; n < chunk.Length; n++) insert.Parameters.AddWithValue($"$w{n}", chunk[n]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        lock (gate)
        {
            insertsSinceRefresh += missing.Count;
            if (insertsSinceRefresh < InsertsPerRefresh) return;
            insertsSinceRefresh = 0;
        }
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Reads the rows committed since the last read. A table with fewer rows than read means a new database: start over.</summary>
    async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        lock (gate)
        {
            using (var max = Sql.Command(connection, "SELECT coalesce(max(id), 0) FROM search_words"))
                if ((long)max.ExecuteScalar()! < readUpTo)
                {
                    known.Clear();
                    readUpTo = 0;
                }
            using var command = Sql.Command(connection, "SELECT id, word FROM search_words WHERE id > $after ORDER BY id", ("$after", readUpTo));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                readUpTo = reader.GetInt64(0);
                known.Add(reader.GetString(1));
            }
        }
    }
}
