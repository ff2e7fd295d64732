using BorderAlerts.Core.Fetching;

namespace BorderAlerts.Core.Watchlists;

/// <summary>What fetching and reading a list came to. Expected failures are values, as a feed's are.</summary>
public abstract record WatchlistRead
{
    /// <summary>The list answered 304: the copy in force is still the list's.</summary>
    public sealed record Unchanged(string? ETag, string? LastModified) : WatchlistRead;

    /// <summary>A whole new copy, read and filtered; <see cref="Counts"/> says what was kept, filtered out and skipped.</summary>
    public sealed record Read(IReadOnlyList<WatchlistEntry> Entries, WatchlistCounts Counts, string? ETag, string? LastModified) : WatchlistRead;

    /// <summary>Network, HTTP, too large, or a document refused (<see cref="WatchlistFormatException"/>): the previous copy stays.</summary>
    public sealed record Failed(string Error) : WatchlistRead;
}

/// <summary>
/// Fetches a list with the feed fetcher (conditional GET with the validators given, the list's own size cap, the feeds'
/// timeout and politeness) into a temporary spool file, deleted when read, and reads it streamed with <see cref="WatchlistParser"/>, the program filter applied. Two
/// entries with one id keep the first (the copy is keyed by entry id); the second is skipped and counted.
/// </summary>
public sealed class WatchlistDownload(IFeedFetcher fetcher)
{
    public const string DuplicateId = "duplicate id";

    public async Task<WatchlistRead> ReadAsync(WatchlistDefinition list, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        // The body goes to a spool file, not memory: lists run to hundreds of megabytes, and the parser streams.
        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"borderalerts-{list.Id}-{Guid.NewGuid():N}.list"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var request = new FetchRequest(list.Url, etag, lastModified, MaxBodyBytes: list.MaxMegabytes * 1024L * 1024L, BodyTo: spool);
        return await fetcher.FetchAsync(request, cancellationToken) switch
        {
            FetchResult.NotModified n => new WatchlistRead.Unchanged(n.ETag ?? etag, n.LastModified ?? lastModified),
            FetchResult.Failed f => new WatchlistRead.Failed(f.Status is { } status && !f.Message.Contains(status.ToString()) ? $"HTTP {status}: {f.Message}" : f.Message),
            FetchResult.Fetched f => Parse(list, f, f.Body.Length > 0 ? new MemoryStream(f.Body, writable: false) : Rewound(spool)),
            var other => throw new InvalidOperationException($"unknown fetch result {other}"),
        };
    }

    static Stream Rewound(Stream spool)
    {
        spool.Position = 0;
        return spool;
    }

    static WatchlistRead Parse(WatchlistDefinition list, FetchResult.Fetched fetched, Stream body)
    {
        var counts = new WatchlistCounts();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<WatchlistEntry>();
        try
        {
            foreach (var entry in WatchlistParser.Parse(list, body, counts))
            {
                if (ids.Add(entry.EntryId)) entries.Add(entry);
                else { counts.Entries--; counts.Skip(DuplicateId); }
            }
        }
        catch (WatchlistFormatException e) { return new WatchlistRead.Failed(e.Message); }
        return new WatchlistRead.Read(entries, counts, fetched.ETag, fetched.LastModified);
    }
}
