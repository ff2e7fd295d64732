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
    public async IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, $"""
            SELECT {ArchivedItemRows.Columns} FROM items i
            WHERE i.first_seen_at >= @since AND (i.published_at IS NULL OR i.published_at >= @since) ORDER BY i.id
            """, ("since", Db.Ms(since)));
        await foreach (var item in ArchivedItemRows.ReadAsync(command, ArchivedItemRows.StrictLink, cancellationToken)) yield return item;
    }
}
