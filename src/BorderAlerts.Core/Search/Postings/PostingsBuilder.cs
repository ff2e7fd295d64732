using System.Buffers;

namespace BorderAlerts.Core.Search.Postings;

/// <summary>
/// The postings of newly stored items, in memory until they are written as one segment. Each (token key, item) pair
/// is one 64-bit number — the key (<see cref="TokenKey"/>) above the item's ordinal in this batch — so sorting them is
/// sorting numbers: by the key's top 12 bits into buckets, then each small bucket in place.
/// A poll of 35 items holds ~14,000 pairs; a comparison sort of them cost more than the rest of the index together.
/// </summary>
public sealed class PostingsBuilder
{
    /// <summary>Items one segment can take (the ordinal's bits).</summary>
    public const int MaxItems = 1 << OrdinalBits;

    const int OrdinalBits = 10;
    const ulong OrdinalMask = (1UL << OrdinalBits) - 1;

    readonly List<long> itemIds = [];
    // Pooled: a poll's pairs pass 85 KB, and an array that size is allocated on the large object heap, which only a
    // full collection frees: one per poll made garbage collection a tenth of the ingest.
    ulong[] pairs = ArrayPool<ulong>.Shared.Rent(4096);
    int count;

    public int Items => itemIds.Count;
    public long FirstId => itemIds[0];
    public long LastId => itemIds[^1];

    /// <summary>Latin-script words of the items added (folded), for the vocabulary prefix queries expand over.</summary>
    public HashSet<string> LatinWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an item's title and text; each token counts once per item, whatever the field. Ids must ascend.</summary>
    public void Add(long itemId, string title, string text) => Add(itemId, ItemTokens.Of(title, text));

    public void Add(long itemId, ItemTokens tokens)
    {
        if (itemIds.Count == MaxItems) throw new InvalidOperationException($"archive index: a segment takes at most {MaxItems} items");
        if (itemIds.Count > 0 && itemId <= LastId) throw new ArgumentException($"archive index: item {itemId} added after {LastId}", nameof(itemId));
        if (count + tokens.Keys.Length > pairs.Length)
        {
            var larger = ArrayPool<ulong>.Shared.Rent(Math.Max(pairs.Length * 2, count + tokens.Keys.Length));
            pairs.AsSpan(0, count).CopyTo(larger);
            ArrayPool<ulong>.Shared.Return(pairs);
            pairs = larger;
        }
        var ordinal = (ulong)itemIds.Count;
        foreach (var key in tokens.Keys) pairs[count++] = (ulong)key << OrdinalBits | ordinal;
        LatinWords.UnionWith(tokens.LatinWords);
        itemIds.Add(itemId);
    }

    /// <summary>Writes the entries in key order, each key's ids ascending. Once: the builder's buffers go back to the pool.</summary>
    public void WriteTo(PostingBlockWriter writer)
    {
        var buffer = ArrayPool<ulong>.Shared.Rent(count);
        var sorted = buffer.AsSpan(0, count);
        BucketSort(pairs.AsSpan(0, count), sorted);
        ArrayPool<ulong>.Shared.Return(pairs);
        pairs = [];
        var ids = new List<long>();
        for (int start = 0; start < sorted.Length;)
        {
            var key = sorted[start] >> OrdinalBits;
            ids.Clear();
            int end = start;
            for (; end < sorted.Length && sorted[end] >> OrdinalBits == key; end++) ids.Add(itemIds[(int)(sorted[end] & OrdinalMask)]);
            writer.Add((long)key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
            start = end;
        }
        ArrayPool<ulong>.Shared.Return(buffer);
        writer.Flush();
    }

    /// <summary>Counting sort on the top 12 bits, then insertion sort inside each bucket (a few pairs each: keys are hashes).</summary>
    static void BucketSort(ReadOnlySpan<ulong> values, Span<ulong> sorted)
    {
        const int Bits = 12, Shift = TokenKey.Bits + OrdinalBits - Bits;
        var starts = new int[(1 << Bits) + 1];
        foreach (var v in values) starts[(v >> Shift) + 1]++;
        for (int b = 1; b < starts.Length; b++) starts[b] += starts[b - 1];
        var next = (int[])starts.Clone();
        foreach (var v in values) sorted[next[v >> Shift]++] = v;
        for (int b = 0; b + 1 < starts.Length; b++)
            for (int i = starts[b] + 1; i < starts[b + 1]; i++)
            {
                var v = sorted[i];
                int j = i - 1;
                for (; j >= starts[b] && sorted[j] > v; j--) sorted[j + 1] = sorted[j];
                sorted[j + 1] = v;
            }
    }
}
