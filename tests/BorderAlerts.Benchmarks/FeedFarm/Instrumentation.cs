using System.Collections.Concurrent;
using System.Diagnostics;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>
/// Counters the harness reads. They are fed by thin decorators around the real store and fetcher (and a handler on the
/// real "feeds" HttpClient), so the poller itself runs unchanged; each costs a few timestamps per poll.
/// </summary>
public sealed class FarmMetrics
{
    long _polls, _fetched, _notModified, _failed, _newItems;
    long _claims, _claimTicks, _completeTicks, _fetchTicks, _httpCount, _httpTicks;
    readonly Busy _store = new(), _fetch = new();
    readonly ConcurrentDictionary<string, DateTimeOffset> _due = new();
    readonly ConcurrentDictionary<string, long> _fetchEnd = new();
    readonly ConcurrentDictionary<string, byte> _completedOnce = new();
    readonly Lock _recordLock = new();
    readonly List<PollRecord> _records = [];
    readonly ConcurrentQueue<string> _errors = new();
    volatile bool _recording;

    public IReadOnlyDictionary<string, string> UrlOfFeed { get; init; } = new Dictionary<string, string>();

    public int CompletedOnce => _completedOnce.Count;

    public void StartRecording() { lock (_recordLock) _records.Clear(); _recording = true; }
    public List<PollRecord> StopRecording() { _recording = false; lock (_recordLock) return [.. _records]; }
    public IReadOnlyCollection<string> Errors => _errors;

    public Snapshot Take() => new(
        Interlocked.Read(ref _polls), Interlocked.Read(ref _fetched), Interlocked.Read(ref _notModified), Interlocked.Read(ref _failed),
        Interlocked.Read(ref _newItems), Interlocked.Read(ref _claims), Ticks(ref _claimTicks), Ticks(ref _completeTicks),
        _store.Total(), Ticks(ref _fetchTicks), _fetch.Total(), Interlocked.Read(ref _httpCount), Ticks(ref _httpTicks));

    static TimeSpan Ticks(ref long ticks) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks));

    internal void Claimed(IReadOnlyList<FeedState> states, long elapsed)
    {
        Interlocked.Increment(ref _claims);
        Interlocked.Add(ref _claimTicks, elapsed);
        foreach (var s in states) _due[s.FeedId] = s.NextPollAt;
    }

    internal void Completed(PollCompletion c, PollCommit commit, long started, long elapsed)
    {
        Interlocked.Increment(ref _polls);
        Interlocked.Add(ref _completeTicks, elapsed);
        Interlocked.Add(ref _newItems, commit.NewItems.Count);
        switch (c.Status)
        {
            case PollStatus.Fetched: Interlocked.Increment(ref _fetched); break;
            case PollStatus.NotModified: Interlocked.Increment(ref _notModified); break;
            default:
                Interlocked.Increment(ref _failed);
                if (_errors.Count < 20) _errors.Enqueue($"{c.FeedId}: {c.Error}");
                break;
        }
        _completedOnce.TryAdd(c.FeedId, 0);
        if (!_recording) return;
        double? lateness = _due.TryGetValue(c.FeedId, out var due) ? (c.At - due).TotalMilliseconds : null;
        double? afterFetch = UrlOfFeed.TryGetValue(c.FeedId, out var url) && _fetchEnd.TryGetValue(url, out var fetchEnd)
            ? Stopwatch.GetElapsedTime(fetchEnd, started).TotalMilliseconds : null;
        var record = new PollRecord(c.Status, lateness, Stopwatch.GetElapsedTime(0, elapsed).TotalMilliseconds, afterFetch,
            c.Items.Count, commit.NewItems.Count);
        lock (_recordLock) _records.Add(record);
    }

    internal void Fetched(string url, long started, long ended)
    {
        Interlocked.Add(ref _fetchTicks, ended - started);
        _fetchEnd[url] = ended;
        if (_recording) lock (_recordLock) _fetchMs.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
    }

    readonly List<double> _fetchMs = [];
    public List<double> FetchDurations() { lock (_recordLock) { var copy = _fetchMs.ToList(); _fetchMs.Clear(); return copy; } }

    internal void Http(long elapsed) { Interlocked.Increment(ref _httpCount); Interlocked.Add(ref _httpTicks, elapsed); }

    internal Busy Store => _store;
    internal Busy Fetch => _fetch;

    /// <summary>Wall time during which at least one call was in flight: for the store, the time its one write lock is taken.</summary>
    internal sealed class Busy
    {
        readonly Lock _lock = new();
        int _inFlight;
        long _since, _ticks;

        public void Enter() { lock (_lock) { if (_inFlight++ == 0) _since = Stopwatch.GetTimestamp(); } }
        public void Exit() { lock (_lock) { if (--_inFlight == 0) _ticks += Stopwatch.GetTimestamp() - _since; } }
        public TimeSpan Total()
        {
            lock (_lock) return Stopwatch.GetElapsedTime(0, _ticks + (_inFlight > 0 ? Stopwatch.GetTimestamp() - _since : 0));
        }
    }

    public sealed record Snapshot(long Polls, long Fetched, long NotModified, long Failed, long NewItems, long Claims,
        TimeSpan ClaimTime, TimeSpan CompleteTime, TimeSpan StoreBusy, TimeSpan FetchTime, TimeSpan FetchBusy, long HttpCount, TimeSpan HttpTime);
}

/// <summary>One completed poll inside the measurement window.</summary>
public sealed record PollRecord(PollStatus Status, double? LatenessMs, double CompleteMs, double? ParseMs, int Items, int NewItems);

/// <summary>The real SQLite store, timed.</summary>
public sealed class TimedPollStore(IPollStore inner, FarmMetrics metrics) : IPollStore
{
    public Task SyncFeedsAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SyncFeedsAsync(feeds, now, cancellationToken);

    public async Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.Store.Enter();
        try
        {
            var claimed = await inner.ClaimAsync(request, cancellationToken);
            metrics.Claimed(claimed, Stopwatch.GetTimestamp() - started);
            return claimed;
        }
        finally { metrics.Store.Exit(); }
    }

    public async Task<IReadOnlyList<PollCommit>> CompleteAsync(IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.Store.Enter();
        try
        {
            var commits = await inner.CompleteAsync(completions, cancellationToken);
            for (int i = 0; i < completions.Count; i++) metrics.Completed(completions[i], commits[i], started, Stopwatch.GetTimestamp() - started);
            return commits;
        }
        finally { metrics.Store.Exit(); }
    }
}

/// <summary>The real fetcher (host gate included), timed.</summary>
public sealed class TimedFeedFetcher(IFeedFetcher inner, FarmMetrics metrics) : IFeedFetcher
{
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.Fetch.Enter();
        try { return await inner.FetchAsync(request, cancellationToken); }
        finally
        {
            metrics.Fetch.Exit();
            metrics.Fetched(request.Url.ToString(), started, Stopwatch.GetTimestamp());
        }
    }
}

/// <summary>Times the HTTP exchange alone (to the response headers), without the host gate's wait.</summary>
public sealed class TimingHandler(FarmMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await base.SendAsync(request, cancellationToken); }
        finally { metrics.Http(Stopwatch.GetTimestamp() - started); }
    }
}
