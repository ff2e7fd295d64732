using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Search;

/// <summary>The archive's search index (a store provides it; it is kept up to date as items are stored).</summary>
public interface ISearchIndex
{
    /// <summary>
    /// Items meeting <paramref name="restriction"/> (all items when null) and the filters, newest first, streamed. The index
    /// only narrows: relevance comes from the exact check (<see cref="ArchiveSearch"/>), so a store need not score.
    /// </summary>
    IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters, CancellationToken cancellationToken);
}
