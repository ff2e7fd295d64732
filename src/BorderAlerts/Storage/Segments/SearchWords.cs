using System.Data.Common;

namespace BorderAlerts.Storage.Segments;

/// <summary>
/// The vocabulary of Latin-script words prefix queries expand over (search_words), with this process's cache of the
/// words the table holds, so a poll inserts only words not seen before (inserting every word of every poll cost a
/// fifth of the index's time). Only rows read back on a connection of their own — committed rows — enter the cache,
/// never words this process inserted, so a rolled-back poll cannot leave the cache claiming a word the table lacks;
/// a new word is inserted again (ON CONFLICT DO NOTHING) until the next read-back. The read-back runs in the
/// background: the writer that triggers it holds a transaction (on PostgreSQL, the identity lock every instance's writers
/// wait for), and the first one after a start reads the whole vocabulary.
/// </summary>
public sealed class SearchWords(SegmentStore store)
{
    const int InsertsPerRefresh = 500;

    /// <summary>A prefix (sanction*) expanding to more indexed words than this narrows nothing; the exact check decides.</summary>
    const int MaxPrefixWords = 256;

    readonly Lock gate = new();
    readonly HashSet<string> known = new(StringComparer.Ordinal);
    long readUpTo;
    int insertsSinceRefresh = InsertsPerRefresh;
    bool refreshing;

    /// <summary>Inserts the words not known yet, in the caller's transaction; in order, so two writers never wait on each other crosswise.</summary>
    public async Task AddAsync(DbConnection connection, IEnumerable<string> words, CancellationToken cancellationToken)
    {
        List<string> missing;
        lock (gate) missing = words.Where(w => !known.Contains(w)).Order(StringComparer.Ordinal).ToList();
        foreach (var chunk in missing.Chunk(200))
        {
            await using var insert = Db.Command(connection,
                "INSERT INTO search_words (word) VALUES " + string.Join(", ", chunk.Select((_, n) => $"(@w{n})")) + " ON CONFLICT DO NOTHING",
                chunk.Select((word, n) => ($"w{n}", (object?)word)).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        lock (gate)
        {
            insertsSinceRefresh += missing.Count;
            if (insertsSinceRefresh < InsertsPerRefresh || refreshing) return;
            (insertsSinceRefresh, refreshing) = (0, true);
        }
        _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
    }

    /// <summary>A failed read-back only means more words inserted again until the next one.</summary>
    async Task RefreshInBackgroundAsync()
    {
        try { await RefreshAsync(CancellationToken.None); }
        catch (Exception e) when (e is DbException or InvalidOperationException or ObjectDisposedException) { }
        finally
        {
            lock (gate) refreshing = false;
        }
    }

    /// <summary>Reads the rows committed since the last read. A table with fewer rows than read means a new database: start over.</summary>
    async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Only one refresh runs at a time (`refreshing`), so the position is read without the lock; the rows are read
        // outside it too, for writers check words against the cache meanwhile.
        await using var connection = await store.OpenAsync(cancellationToken);
        long after;
        lock (gate) after = readUpTo;
        bool restart;
        using (var max = Db.Command(connection, "SELECT coalesce(max(id), 0) FROM search_words"))
            restart = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken)) < after;
        if (restart) after = 0;
        var rows = new List<(long Id, string Word)>();
        await using (var command = Db.Command(connection, "SELECT id, word FROM search_words WHERE id > @after ORDER BY id", ("after", after)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        lock (gate)
        {
            if (restart) known.Clear();
            foreach (var (_, word) in rows) known.Add(word);
            readUpTo = rows.Count > 0 ? rows[^1].Id : after;
        }
    }

    /// <summary>The indexed words starting with <paramref name="prefix"/>, or null when there are too many to narrow.</summary>
    public static List<string>? Expand(DbConnection connection, string prefix)
    {
        using var command = Db.Command(connection, "SELECT word FROM search_words WHERE word >= @prefix AND word < @next ORDER BY word LIMIT @limit",
            ("prefix", prefix), ("next", prefix[..^1] + (char)(prefix[^1] + 1)), ("limit", MaxPrefixWords + 1));
        using var reader = command.ExecuteReader();
        var words = new List<string>();
        while (reader.Read()) words.Add(reader.GetString(0));
        return words.Count > MaxPrefixWords ? null : words;
    }
}
