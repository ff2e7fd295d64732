using System.Diagnostics;
using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Items;
using BorderAlerts.Core.Parsing;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Benchmarks.Search;

/// <summary>What the ingest took: the store calls' wall time, the whole loop's wall time, and the process's CPU time over the loop.</summary>
internal sealed record IngestResult(long Items, long RawBytes, TimeSpan StoreTime, TimeSpan WallTime, TimeSpan CpuTime, int Polls);

/// <summary>
/// Fills an archive through the product's write path: <see cref="IPollStore.CompleteAsync"/> of the store under test for
/// each poll (20–50 items of one feed in one transaction: items, keys, sightings, the search index, the feed's health
/// row), exactly as the poller calls it. Only the store calls are timed; generating the items and their identity keys is not.
/// </summary>
internal static class SearchIngest
{
    public static async Task<IngestResult> RunAsync(ISearchBenchStore archive, SearchCorpus corpus, long items, int writers, int group, TextWriter log,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var store = archive.PollStore;
        var feeds = SearchCorpus.FeedIds.Select(id => new FeedDefinition { Id = id, Name = id, Url = FeedUrl(id) }).ToList();
        await store.SyncFeedsAsync(feeds, now, cancellationToken);
        if (writers > 1) return await RunConcurrentAsync(archive, store, corpus, items, writers, group, log, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var timer = new Stopwatch();
        long stored = 0, rawBytes = 0, nextReport = Math.Max(1, items / 10), segmentItems = 0;
        var segmentTime = TimeSpan.Zero;
        int polls = 0;
        while (stored < items)
        {
            var (feed, at, batch) = corpus.NextPoll((int)Math.Min(int.MaxValue, items - stored));
            var candidates = batch.Select(i => Candidate(i, feeds)).ToList();
            rawBytes += batch.Sum(i => (long)Encoding.UTF8.GetByteCount(i.Title) + Encoding.UTF8.GetByteCount(i.Text));
            var completion = new PollCompletion(feed, at, PollStatus.Fetched, at + TimeSpan.FromMinutes(5))
            {
                HttpStatus = 200, Language = batch[0].Language, Items = candidates, ItemsFound = candidates.Count, Lease = polls + 1,
            };
            await ClaimAsync(archive, [completion], cancellationToken);
            var before = timer.Elapsed;
            timer.Start();
            var commit = await store.CompleteAsync(completion, cancellationToken);
            timer.Stop();
            if (commit.NewItems.Count != candidates.Count) throw new InvalidOperationException($"poll {polls}: {commit.NewItems.Count} of {candidates.Count} items new");
            stored += candidates.Count;
            polls++;
            segmentItems += candidates.Count;
            segmentTime += timer.Elapsed - before;
            if (stored >= nextReport || stored >= items)
            {
                log.WriteLine($"  {stored,10:N0} items  {segmentItems / segmentTime.TotalSeconds,8:N0} items/s (last {segmentItems:N0})  " +
                    $"{stored / timer.Elapsed.TotalSeconds,8:N0} items/s overall  wall {wall.Elapsed.TotalSeconds,6:N0} s");
                nextReport += Math.Max(1, items / 10);
                (segmentItems, segmentTime) = (0, TimeSpan.Zero);
            }
        }
        // Merging runs in the background: the ingest is over when the index has caught up, so that wait counts as store time.
        var catchUp = Stopwatch.StartNew();
        timer.Start();
        await archive.CaughtUpAsync();
        timer.Stop();
        log.WriteLine($"  background work (SQLite: segment merges; PostgreSQL: VACUUM ANALYZE) finished {catchUp.Elapsed.TotalSeconds:N1} s after the last poll (counted in store time)");
        return new IngestResult(stored, rawBytes, timer.Elapsed, wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, polls);
    }

    /// <summary>
    /// Several polls storing at once, as the poller runs them (Polling:Parallelism): one task generates polls into a
    /// bounded queue, <paramref name="writers"/> tasks store them, up to <paramref name="group"/> polls per transaction
    /// as the poller's group commit does (<c>PollGroup</c>). Timed over the whole loop, generation included (it
    /// competes for the same two cores), until the background merges have caught up.
    /// </summary>
    static async Task<IngestResult> RunConcurrentAsync(ISearchBenchStore archive, IPollStore store, SearchCorpus corpus, long items, int writers,
        int group, TextWriter log, CancellationToken cancellationToken)
    {
        var feeds = SearchCorpus.FeedIds.Select(id => new FeedDefinition { Id = id, Name = id, Url = FeedUrl(id) }).ToList();
        var queue = System.Threading.Channels.Channel.CreateBounded<PollCompletion>(64);
        long stored = 0, rawBytes = 0, nextReport = Math.Max(1, items / 10);
        int polls = 0;
        long leases = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var produce = Task.Run(async () =>
        {
            for (long generated = 0; generated < items;)
            {
                var (feed, at, batch) = corpus.NextPoll((int)Math.Min(int.MaxValue, items - generated));
                var candidates = batch.Select(i => Candidate(i, feeds)).ToList();
                generated += candidates.Count;
                Interlocked.Add(ref rawBytes, batch.Sum(i => (long)Encoding.UTF8.GetByteCount(i.Title) + Encoding.UTF8.GetByteCount(i.Text)));
                await queue.Writer.WriteAsync(new PollCompletion(feed, at, PollStatus.Fetched, at + TimeSpan.FromMinutes(5))
                {
                    HttpStatus = 200, Language = batch[0].Language, Items = candidates, ItemsFound = candidates.Count, Lease = ++leases,
                }, cancellationToken);
            }
            queue.Writer.Complete();
        }, cancellationToken);
        // A feed is claimed by one poll at a time, as the poller's claims do: a writer groups polls of feeds nobody else holds.
        var claims = feeds.ToDictionary(f => f.Id, _ => new SemaphoreSlim(1, 1));
        var consume = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            PollCompletion? carried = null;
            while (carried is not null || await queue.Reader.WaitToReadAsync(cancellationToken))
            {
                if (carried is null && !queue.Reader.TryRead(out carried)) continue;
                await claims[carried.FeedId].WaitAsync(cancellationToken); // holding nothing else: no deadlock
                var completions = new List<PollCompletion> { carried };
                carried = null;
                while (completions.Count < group && queue.Reader.TryRead(out var next))
                {
                    if (!claims[next.FeedId].Wait(0)) { carried = next; break; }
                    completions.Add(next);
                }
                await ClaimAsync(archive, completions, cancellationToken);
                var commits = await store.CompleteAsync(completions, cancellationToken);
                foreach (var c in completions) claims[c.FeedId].Release();
                var added = commits.Sum(c => c.NewItems.Count);
                if (added != completions.Sum(c => c.Items.Count)) throw new InvalidOperationException($"{added} of {completions.Sum(c => c.Items.Count)} items new");
                Interlocked.Add(ref polls, completions.Count);
                var total = Interlocked.Add(ref stored, added);
                lock (log)
                    if (total >= nextReport)
                    {
                        log.WriteLine($"  {total,10:N0} items  {total / wall.Elapsed.TotalSeconds,8:N0} items/s overall  wall {wall.Elapsed.TotalSeconds,6:N0} s");
                        nextReport += Math.Max(1, items / 10);
                    }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll([produce, .. consume]);
        var polled = wall.Elapsed;
        await archive.CaughtUpAsync();
        log.WriteLine($"  {writers} writers, up to {group} polls per transaction; background work (SQLite: segment merges; PostgreSQL: VACUUM ANALYZE) finished {(wall.Elapsed - polled).TotalSeconds:N1} s after the last poll (counted)");
        return new IngestResult(stored, rawBytes, wall.Elapsed, wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, polls);
    }

    internal static Uri FeedUrl(string feedId) => new($"https://{feedId}.example.org/rss.xml");

    static CandidateItem Candidate(CorpusItem item, IReadOnlyList<FeedDefinition> feeds)
    {
        var parsed = new ParsedItem(null, item.Title, item.Link, item.Text, item.Published);
        return new CandidateItem(parsed, ItemIdentity.Keys(parsed, FeedUrl(item.FeedId)), ItemIdentity.ContentHash(item.Title, item.Text));
    }

    /// <summary>What the poller's claim does before a poll: the feed's lease, which the store checks and releases.</summary>
    static Task ClaimAsync(ISearchBenchStore archive, IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken) =>
        archive.ExecuteAsync(string.Concat(completions.Select(c => $"UPDATE feeds SET lease_until = {c.Lease} WHERE id = '{c.FeedId.Replace("'", "''")}';")),
            cancellationToken);
}
