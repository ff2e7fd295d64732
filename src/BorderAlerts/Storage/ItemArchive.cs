using System.Data.Common;
using System.Runtime.CompilerServices;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// Items first seen since a time and dated since it (<see cref="ArchivedItem.Dated"/>: the published time, never after
/// the first sighting), oldest first: one query both stores read alike.
/// </summary>
public abstract class ItemArchive(Func<CancellationToken, Task<DbConnection>> open) : IItemArchive
{
    /// <summary>
    /// Ordered by first sighting (then id), the order of the index items_first_seen: ordered by id alone, SQLite scans the
    /// whole table in rowid order rather than sort the window, so a 30-day backtest read all of a 1,000,000-item archive.
    /// </summary>
    internal static readonly string SinceSql = $"""
        SELECT {ArchivedItemRows.Columns} FROM items i
        WHERE i.first_seen_at >= @since AND (i.published_at IS NULL OR i.published_at >= @since) ORDER BY i.first_seen_at, i.id
        """;

    public async IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, SinceSql, ("since", Db.Ms(since)));
        await foreach (var item in ArchivedItemRows.ReadAsync(command, ArchivedItemRows.StrictLink, cancellationToken)) yield return item;
    }
}
