using BorderAlerts.Core.Search.Postings;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Merges the archive index's segments (<see cref="SegmentTiers"/>) in the background, so a poll writes only its own
/// small segment and merging runs beside polling instead of inside its transaction (half the index's cost; ADR 0008).
/// The sources are read outside the write lock (they are immutable); the merged blocks are written in chunks, each
/// under the lock briefly, into a segment that stays unready, then one transaction makes it ready and drops the
/// sources. A process stopped mid-merge leaves an unready segment, dropped at the next start.
/// </summary>
public sealed class SqliteSegmentMerger(SqliteDatabase database)
{
    /// <summary>Merged bytes written per write-lock hold.</summary>
    const int ChunkBytes = 4 << 20;

    readonly Lock gate = new();
    Task running = Task.CompletedTask;
    bool again;
    long writes;

    /// <summary>
    /// Called after each write: every few writes, starts the merging task unless it runs already (it then checks again
    /// when done). Checking after every poll took the write lock once more per poll for nothing: a level fills only
    /// every <see cref="SegmentTiers.Fanout"/> writes.
    /// </summary>
    public void Nudge()
    {
        if (Interlocked.Increment(ref writes) % (SegmentTiers.Fanout / 4) != 0) return;
        lock (gate)
        {
            if (!running.IsCompleted)
            {
                again = true;
                return;
            }
            running = Task.Run(RunAsync);
        }
    }

    /// <summary>Completes when no merge is running or due (benchmarks and tests wait on it).</summary>
    public async Task IdleAsync()
    {
        while (true)
        {
            Task current;
            lock (gate) current = running;
            await current;
            lock (gate)
                if (running == current && !again) return;
        }
    }

    async Task RunAsync()
    {
        while (true)
        {
            lock (gate) again = false;
            try
            {
                while (await MergeOnceAsync()) { }
            }
            catch (Exception e) when (e is SqliteException or IOException)
            {
                // The database went away (a test's folder, a shutdown) or is busy: the unready segment is dropped at the
                // next start, and the next write nudges again.
                return;
            }
            lock (gate)
                if (!again) return;
        }
    }

    async Task<bool> MergeOnceAsync()
    {
        await using var write = await database.OpenAsync();
        if (Plan(write) is not { } plan) return false;
        var (merged, run) = plan;
        await using var read = await database.OpenAsync();
        var pending = new List<PostingBlock>();
        long pendingBytes = 0;
        using (var snapshot = read.BeginTransaction(deferred: true))
        {
            var sources = run.Select(s => SqliteSegments.Blocks(read, s.Id)).ToList();
            try
            {
                PostingsMerge.Merge(sources, new PostingBlockWriter(block =>
                {
                    pending.Add(block);
                    if ((pendingBytes += block.Data.Length) < ChunkBytes) return;
                    Write(write, merged, pending, complete: null);
                    (pendingBytes, pending) = (0, []);
                }));
            }
            finally
            {
                foreach (var source in sources) source.Dispose();
            }
        }
        Write(write, merged, pending, complete: run.Select(s => s.Id));
        return true;
    }

    /// <summary>Under the write lock: the next due run and its unready target segment.</summary>
    (long Merged, IReadOnlyList<SegmentInfo> Run)? Plan(SqliteConnection write)
    {
        database.WriteLock.Wait();
        try
        {
            if (SegmentTiers.NextMerge(SqliteSegments.List(write, $"ready = 1 AND level < {SegmentTiers.TopLevel}")) is not { } next) return null;
            var (run, level) = next;
            return (SqliteSegments.Create(write, level, run[0].FirstItem, run[^1].LastItem, run.Sum(s => s.Items), ready: false), run);
        }
        finally { database.WriteLock.Release(); }
    }

    /// <summary>Writes a chunk of the merged blocks in one transaction; with <paramref name="complete"/>, also swaps the segments.</summary>
    void Write(SqliteConnection write, long merged, IReadOnlyList<PostingBlock> blocks, IEnumerable<long>? complete)
    {
        database.WriteLock.Wait();
        try
        {
            using var transaction = write.BeginTransaction();
            using var insert = SqliteSegments.BlockInsert(write, merged);
            foreach (var block in blocks) SqliteSegments.Insert(insert, block);
            if (complete is not null) SqliteSegments.Replace(write, merged, complete);
            transaction.Commit();
        }
        finally { database.WriteLock.Release(); }
    }
}
