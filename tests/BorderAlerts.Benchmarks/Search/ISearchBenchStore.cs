using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>Sizes in bytes of the archive: the whole database, the search index, the items table with its indexes, the rest; largest relations first.</summary>
internal sealed record StoreSizes(long File, long Index, long Items, long Other, IReadOnlyList<(string Name, long Bytes)> Tables);

/// <summary>
/// The archive under test (`--store sqlite|postgres`): the product's poll store to fill it, its search index to query
/// it, and what the report needs (raw text, sizes, how many items a restriction matches). Everything else, the corpus,
/// the ingest loop, the query timing and the report, is shared.
/// </summary>
internal interface ISearchBenchStore : IAsyncDisposable
{
    /// <summary>Where the archive is and which engine, for the first line of the report.</summary>
    string Describe { get; }

    /// <summary>The archive was kept by an earlier run (`--reuse`): no ingest.</summary>
    bool Reused { get; }

    /// <summary>The product's write path, e.g. "SqlitePollStore.CompleteAsync".</summary>
    string WritePath { get; }

    IPollStore PollStore { get; }

    ISearchIndex Index { get; }

    Task ExecuteAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Waits until work the store does in the background after a commit (SQLite's segment merges) is done.</summary>
    Task CaughtUpAsync();

    /// <summary>Items stored and the UTF-8 bytes of their title + text, for an archive this run did not fill.</summary>
    Task<(long Items, long RawBytes)> RawTextAsync(CancellationToken cancellationToken);

    Task<StoreSizes> SizesAsync(CancellationToken cancellationToken);

    /// <summary>How many indexed items a restriction matches (filters aside): its selectivity.</summary>
    Task<long> CountAsync(SearchExpression restriction, CancellationToken cancellationToken);

    /// <summary>Drops the archive unless it is to be kept.</summary>
    Task FinishAsync(bool keep);
}
