namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A pipeline fed one outlet's report at a time: each is served on loopback, polled (alerting at once: backfill) and
/// delivered until the outbox is empty, so a test can read what each report's card looked like, in order.
/// </summary>
public sealed class OutletReports(FeedServer feeds, TempFolder folder, Pipeline pipeline) : IAsyncDisposable
{
    public Pipeline Pipeline => pipeline;

    public Task ReportAsync(string outlet, Entry entry, string language = "zh-Hant", string? kind = null) =>
        ReportAllAsync(outlet, [entry], language, kind);

    /// <summary>Several reports of one outlet in one poll: their alerts are delivered together.</summary>
    public async Task ReportAllAsync(string outlet, IReadOnlyList<Entry> entries, string language = "zh-Hant", string? kind = null)
    {
        var url = feeds.Serve(Responses.Bytes(FeedXml.Rss(outlet, entries), Responses.Rss));
        await pipeline.PollOneAsync(Feeds.Rss(outlet, url, language, backfill: true) with { Kind = kind });
        await Eventually.TrueAsync(async () =>
        {
            await pipeline.DeliverAsync();
            return await pipeline.Database.CountAsync("deliveries", "status = 'pending'") == 0;
        }, "the outbox is empty");
    }

    public async ValueTask DisposeAsync()
    {
        await pipeline.DisposeAsync();
        folder.Dispose();
    }
}
