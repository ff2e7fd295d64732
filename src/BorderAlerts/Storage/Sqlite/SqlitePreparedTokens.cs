using BorderAlerts.Core.Items;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Index tokens of a poll's candidates that look new, computed before the write lock: a read of the identity keys tells
/// which candidates are already stored (most, for a feed that gained one item), and only the others are tokenised. A
/// candidate that becomes new meanwhile is tokenised under the lock instead; one stored meanwhile wasted a little work.
/// </summary>
internal static class SqlitePreparedTokens
{
    public static async Task<IReadOnlyDictionary<CandidateItem, ItemTokens>> ForNewAsync(SqliteDatabase database, IReadOnlyList<CandidateItem> candidates,
        CancellationToken cancellationToken)
    {
        var prepared = new Dictionary<CandidateItem, ItemTokens>(ReferenceEqualityComparer.Instance);
        if (candidates.Count == 0) return prepared;
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = await database.OpenAsync(cancellationToken))
            foreach (var chunk in candidates.SelectMany(c => c.Keys).Distinct().Chunk(500))
            {
                await using var find = Db.Command(connection, $"SELECT key FROM item_keys WHERE key IN ({string.Join(", ", chunk.Select((_, n) => $"$k{n}"))})",
                    chunk.Select((key, n) => ($"$k{n}", (object?)key)).ToArray());
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) known.Add(reader.GetString(0));
            }
        foreach (var candidate in candidates.Where(c => !c.Keys.Any(known.Contains)))
            prepared[candidate] = ItemTokens.Of(candidate.Item.Title, candidate.Item.Text);
        return prepared;
    }
}
