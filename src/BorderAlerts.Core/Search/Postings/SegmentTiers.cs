namespace BorderAlerts.Core.Search.Postings;

/// <summary>A stored segment: its tier, and the range and number of items it indexes.</summary>
public sealed record SegmentInfo(long Id, int Level, long FirstItem, long LastItem, long Items)
{
    /// <summary>
    /// No item in it was first seen later than this (Unix ms; at least its newest item's time), so a `since:` search can
    /// pass it by; null when unknown (segments written before it was recorded).
    /// </summary>
    public long? LastSeen { get; init; }
}

/// <summary>
/// When to merge segments (size-tiered, as log-structured indexes do). Every write adds a level-0 segment; when a level
/// holds <see cref="Fanout"/> segments they become one segment of the next level, or of the same level while it is still
/// small. Segments at <see cref="TopLevel"/> are never merged, so one merge reads at most Fanout × the top's input size.
/// Levels never rise from older to newer segments, so each level's segments are a contiguous, ordered run of item ids
/// and a merge keeps the segments' ranges disjoint.
/// </summary>
public static class SegmentTiers
{
    public const int Fanout = 16, TopLevel = 3;

    /// <summary>Items a segment needs to stand at a level: 64 at level 1, then sixteen times more per level.</summary>
    static long MinItems(int level) => level == 0 ? 0 : 64L << (4 * (level - 1));

    /// <summary>The lowest level's full run (oldest first) and the level of the merged result; null when nothing is due.</summary>
    public static (IReadOnlyList<SegmentInfo> Run, int Level)? NextMerge(IReadOnlyList<SegmentInfo> segments)
    {
        for (int level = 0; level < TopLevel; level++)
        {
            var run = segments.Where(s => s.Level == level).OrderBy(s => s.FirstItem).ToList();
            if (run.Count < Fanout) continue;
            var items = run.Sum(s => s.Items);
            return (run, items >= MinItems(level + 1) ? level + 1 : level);
        }
        return null;
    }
}
