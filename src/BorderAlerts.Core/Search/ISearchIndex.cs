using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Search;

/// <summary>A stored item the index found, with the index's relevance (higher is better; 0 when nothing narrowed).</summary>
public sealed record SearchCandidate(ArchivedItem Item, double Relevance);

/// <summary>The archive's search index (a store provides it; it is kept up to date as items are stored).</summary>
public interface ISearchIndex
{
    /// <summary>Items meeting <paramref name="restriction"/> (all items when null) and the filters, newest first, streamed.</summary>
    IAsyncEnumerable<SearchCandidate> CandidatesAsync(SearchExpression? restriction, SearchFilters filters, CancellationToken cancellationToken);
}
