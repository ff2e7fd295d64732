using BorderAlerts.Core.Search.Postings;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Merges the archive index's segments (<see cref="SegmentTiers"/>) in the background, so a poll writes only its own
/// small segment and merging runs beside polling instead of inside its transaction (half the index's cost; ADR 0008).
/// The sources are read outside the write lock (they are immutable); the merged blocks are written in chunks, each
/// under the lock briefly, into a segment that stays unready, then one transaction makes it ready and drops the
/// sources; it refuses (and rolls back) unless its target is still unfinished and every source still there, so a
/// second process merging the same run cannot drop items from the index. A merge that fails drops its target; a
/// process stopped mid-merge leaves one, dropped at a later start once stale.
/// </summary>
public sealed class SqliteSegmentMerger(SqliteDatabase database)
{
    /// <summary>Merged bytes written per write-lock hold.</summary>
    const int ChunkBytes = 4 << 20;

    readonly Lock gate = new();
    Task running = Task.CompletedTask;
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
        await using var write = await database.OpenAsync();
        if (Plan(write) is not { } plan) return false;
        var (merged, run) = plan;
        try
        {
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
            Write(write, merged, pending, complete: run.Select(s => s.Id).ToList());
            return true;
        }
        catch
        {
            Abandon(write, merged);
            throw;
        }
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
    void Write(SqliteConnection write, long merged, IReadOnlyList<PostingBlock> blocks, IReadOnlyList<long>? complete)
    {
        database.WriteLock.Wait();
        try
        {
            using var transaction = write.BeginTransaction();
            SqliteSegments.RequireUnfinished(write, merged);
            using var insert = SqliteSegments.BlockInsert(write, merged);
            foreach (var block in blocks) SqliteSegments.Insert(insert, block);
            if (complete is not null) SqliteSegments.Replace(write, merged, complete);
            transaction.Commit();
        }
        finally { database.WriteLock.Release(); }
    }

    /// <summary>Drops a failed merge's unfinished target (best effort: a stale one is also dropped at a later start).</summary>
    void Abandon(SqliteConnection write, long merged)
    {
        database.WriteLock.Wait();
        try { SqliteSegments.DeleteUnfinished(write, merged); }
        catch (SqliteException) { }
        finally { database.WriteLock.Release(); }
    }
}
