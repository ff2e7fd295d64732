using System.Data.Common;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Storage.Segments;

/// <summary>
/// Merges the archive index's segments (<see cref="SegmentTiers"/>) in the background, so a poll writes only its own
/// small segment and merging runs beside polling instead of inside its transaction (half the index's cost; ADR 0008).
/// The sources are read in a snapshot (they are immutable); the merged blocks are written in chunks, each in a short
/// transaction, into a segment that stays unready, then one transaction makes it ready and drops the sources; it
/// refuses (and rolls back) unless its target is still unfinished and every source still there, so a second process
/// merging the same run cannot drop items from the index. A merge that fails drops its target; a process stopped
/// mid-merge leaves one, dropped at a later start once stale.
/// </summary>
public sealed class SegmentMerger(SegmentStore store)
{
    /// <summary>Merged bytes written per transaction (per write-lock hold on SQLite).</summary>
    const int ChunkBytes = 4 << 20;

    readonly Lock gate = new();
    Task running = Task.CompletedTask;

    /// <summary>Where a failed merge is reported (set by the store's registration; the sources stay searchable meanwhile).</summary>
    public ILogger? Log { get; set; }

    bool active, again;
    long writes;
    Exception? failure;

    /// <summary>
    /// Called after each write: every few writes (or when <paramref name="now"/>), starts the merging task unless it runs
    /// already, in which case it checks again when done. Checking after every poll took the write lock once more per
    /// poll for nothing: a level fills only every <see cref="SegmentTiers.Fanout"/> writes.
    /// </summary>
    public void Nudge(bool now = false)
    {
        if (!now && Interlocked.Increment(ref writes) % (SegmentTiers.Fanout / 4) != 0) return;
        lock (gate)
        {
            if (active)
            {
                again = true;
                return;
            }
            (active, again) = (true, false);
            running = Task.Run(RunAsync);
        }
    }

    /// <summary>Runs what is due and completes when nothing is (benchmarks and tests); rethrows a merge's failure.</summary>
    public async Task IdleAsync()
    {
        Nudge(now: true);
        while (true)
        {
            Task current;
            lock (gate)
            {
                if (!active) break;
                current = running;
            }
            await current;
        }
        lock (gate)
            if (failure is { } failed)
            {
                failure = null;
                throw new InvalidOperationException("archive index: a background merge failed", failed);
            }
    }

    async Task RunAsync()
    {
        while (true)
        {
            try
            {
                while (await MergeOnceAsync()) { }
            }
            catch (Exception e)
            {
                // Kept for IdleAsync, not retried now: the sources stay searchable, and later writes nudge again.
                Log?.LogWarning(e, "Archive index: a background merge failed; its segments stay searchable unmerged, and the next writes try again");
                lock (gate) (failure, active) = (e, false);
                return;
            }
            lock (gate)
            {
                if (!again)
                {
                    active = false;
                    return;
                }
                again = false;
            }
        }
    }

    async Task<bool> MergeOnceAsync()
    {
        await using var write = await store.OpenAsync();
        // Most nudges find nothing due: one read, no lock taken (on PostgreSQL each statement is a transaction).
        if (SegmentTiers.NextMerge(Mergeable(write)) is null) return false;
        using var alone = store.MergeAlone(write);
        if (alone is null || Plan(write) is not { } plan) return false;
        var (merged, run) = plan;
        try
        {
            await using var read = await store.OpenAsync();
            var pending = new List<PostingBlock>();
            long pendingBytes = 0;
            using (var snapshot = store.Snapshot(read))
            {
                var sources = run.Select(s => SegmentTables.Blocks(read, s.Id)).ToList();
                try
                {
                    PostingsMerge.Merge(sources, new PostingBlockWriter(block =>
                    {
                        pending.Add(block);
                        if ((pendingBytes += block.Data.Length) < ChunkBytes) return;
                        Write(write, merged, pending, complete: null);
                        (pendingBytes, pending) = (0, []);
                    }, store.BlockBytes));
                }
                finally
                {
                    foreach (var source in sources) source.Dispose();
                }
            }
            Write(write, merged, pending, complete: run.Select(s => s.Id).ToList());
            return true;
        }
        catch
        {
            Abandon(write, merged);
            throw;
        }
    }

    /// <summary>The next due run and its unready target segment.</summary>
    (long Merged, IReadOnlyList<SegmentInfo> Run)? Plan(DbConnection write)
    {
        using var writing = store.Writing();
        if (SegmentTiers.NextMerge(Mergeable(write)) is not { } next) return null;
        var (run, level) = next;
        var lastSeen = run.Any(s => s.LastSeen is null) ? null : run.Max(s => s.LastSeen);
        return (SegmentTables.Create(write, level, run[0].FirstItem, run[^1].LastItem, run.Sum(s => s.Items), lastSeen, ready: false), run);
    }

    static List<SegmentInfo> Mergeable(DbConnection connection) => SegmentTables.List(connection, $"ready AND level < {SegmentTiers.TopLevel}");

    /// <summary>Writes a chunk of the merged blocks in one transaction; with <paramref name="complete"/>, also swaps the segments.</summary>
    void Write(DbConnection write, long merged, IReadOnlyList<PostingBlock> blocks, IReadOnlyList<long>? complete)
    {
        using var writing = store.Writing();
        using var transaction = write.BeginTransaction();
        SegmentTables.RequireUnfinished(write, merged);
        using (var insert = SegmentTables.BlockInsert(write, merged))
            foreach (var block in blocks) SegmentTables.Insert(insert, block);
        if (complete is not null) SegmentTables.Replace(write, merged, complete);
        transaction.Commit();
    }

    /// <summary>Drops a failed merge's unfinished target (best effort: a stale one is also dropped at a later start).</summary>
    void Abandon(DbConnection write, long merged)
    {
        using var writing = store.Writing();
        // A broken connection (the usual reason to be here on PostgreSQL) throws InvalidOperationException; the stale
        // target is then dropped at a later start.
        try { SegmentTables.DeleteUnfinished(write, merged); }
        catch (Exception e) when (e is DbException or InvalidOperationException) { }
    }
}
