using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Core.Tests.Search;

public class PostingsTests
{
    static readonly string[] Texts =
    [
        "丹东海关查获走私煤炭", "Dandong customs seize smuggled coal", "단둥 세관 밀수 적발", "北朝鮮の密輸船を摘発",
        "sanctions enforcement on the border", "制裁 丹东 口岸", "coalition government talks", "国 中国 中国人",
    ];

    /// <summary>Items 100, 101, … with the texts above (cycled), as one segment's blocks.</summary>
    static List<PostingBlock> Segment(long firstId, int count)
    {
        var builder = new PostingsBuilder();
        for (int n = 0; n < count; n++) builder.Add(firstId + n, Texts[n % Texts.Length], $"item {firstId + n}");
        var blocks = new List<PostingBlock>();
        builder.WriteTo(new PostingBlockWriter(blocks.Add));
        return blocks;
    }

    static List<long> Lookup(IReadOnlyList<PostingBlock> blocks, string token)
    {
        var key = TokenKey.Of(token);
        var ids = new List<long>();
        var block = blocks.LastOrDefault(b => b.FirstKey <= key);
        if (block.Data is not null) PostingBlockReader.Find(block, key, ids);
        return ids;
    }

    static List<(long Key, List<long> Ids)> Entries(IReadOnlyList<PostingBlock> blocks)
    {
        var entries = new List<(long, List<long>)>();
        foreach (var block in blocks)
        {
            var reader = new PostingBlockReader(block.Data, block.FirstKey);
            while (reader.MoveNext())
            {
                var ids = new List<long>();
                reader.ReadIds(ids);
                entries.Add((reader.Key, ids));
            }
        }
        return entries;
    }

    [Theory]
    [InlineData("丹东", new long[] { 100, 105, 108, 113 })]
    [InlineData("国", new long[] { 107, 115 })]
    [InlineData("coal", new long[] { 101, 109 })]
    [InlineData("coalition", new long[] { 106, 114 })]
    [InlineData("단둥", new long[] { 102, 110 })]
    [InlineData("no-such-token", new long[0])]
    public void A_segment_finds_every_item_holding_a_token(string token, long[] expected)
    {
        var blocks = Segment(100, 16);
        Assert.Equal(expected, Lookup(blocks, SearchTokens.Fold(token)));
    }

    [Fact]
    public void Thousands_of_items_spread_over_many_blocks_in_key_order()
    {
        var blocks = Segment(1, 1000);
        Assert.True(blocks.Count > 2);
        Assert.Equal(blocks.OrderBy(b => b.FirstKey), blocks);
        Assert.Equal(Enumerable.Range(0, 1000).Where(n => n % 8 is 0 or 5).Select(n => 1L + n), Lookup(blocks, "丹东"));
        Assert.Equal([500L], Lookup(blocks, "500"));
    }

    [Fact]
    public void Merging_segments_gives_what_one_segment_of_all_their_items_gives()
    {
        var parts = new[] { Segment(1, 30), Segment(31, 5), Segment(36, 200), Segment(236, 1) };
        var merged = new List<PostingBlock>();
        PostingsMerge.Merge(parts.Select(p => (IEnumerator<PostingBlock>)p.GetEnumerator()).ToList(), new PostingBlockWriter(merged.Add));

        var whole = new PostingsBuilder();
        foreach (var (id, n) in Enumerable.Range(0, 30).Select(n => (1L + n, n)).Concat(Enumerable.Range(0, 5).Select(n => (31L + n, n)))
            .Concat(Enumerable.Range(0, 200).Select(n => (36L + n, n))).Append((236L, 0)))
            whole.Add(id, Texts[n % Texts.Length], $"item {id}");
        var expected = new List<PostingBlock>();
        whole.WriteTo(new PostingBlockWriter(expected.Add));
        Assert.Equal(Entries(expected).Select(e => (e.Key, string.Join(",", e.Ids))), Entries(merged).Select(e => (e.Key, string.Join(",", e.Ids))));
    }

    [Fact]
    public void A_damaged_block_is_an_error_not_a_wrong_answer()
    {
        var block = Segment(1, 3)[0];
        var cut = new PostingBlock(block.FirstKey, block.Data[..^1]);
        Assert.Throws<InvalidDataException>(() => Entries([cut]));
    }

    [Fact]
    public void Tiers_merge_the_lowest_full_level_and_never_the_top()
    {
        static SegmentInfo S(long id, int level, long items) => new(id, level, id * 1000, id * 1000 + items - 1, items);
        var small = Enumerable.Range(1, SegmentTiers.Fanout).Select(n => S(n, 0, 35)).ToList();
        var (run, level) = SegmentTiers.NextMerge(small)!.Value;
        Assert.Equal(small, run);
        Assert.Equal(1, level);

        var tiny = Enumerable.Range(1, SegmentTiers.Fanout).Select(n => S(n, 0, 1)).ToList();
        Assert.Equal(0, SegmentTiers.NextMerge(tiny)!.Value.Level); // 16 items: still small, so still level 0

        Assert.Null(SegmentTiers.NextMerge(small.Take(SegmentTiers.Fanout - 1).ToList()));
        Assert.Null(SegmentTiers.NextMerge(Enumerable.Range(1, 40).Select(n => S(n, SegmentTiers.TopLevel, 200_000)).ToList()));
    }

    [Fact]
    public void A_key_query_is_and_of_a_phrases_tokens_or_of_branches_and_everything_for_a_wide_prefix()
    {
        var a = new TokenPhrase(["丹东", "东海"], false, false, Fields.Any);
        var b = new TokenPhrase(["coal"], false, false, Fields.Any);
        var wide = new TokenPhrase(["sanc"], false, Prefix: true, Fields.Any);
        var lists = new Dictionary<long, List<long>>
        {
            [TokenKey.Of("丹东")] = [1, 2, 3, 5], [TokenKey.Of("东海")] = [2, 5, 9], [TokenKey.Of("coal")] = [4, 5],
            [TokenKey.Of("sanctions")] = [7],
        };
        List<long> Ids(long key) => lists.TryGetValue(key, out var ids) ? ids : [];
        List<long> All() => [.. Enumerable.Range(1, 9).Select(n => (long)n)];

        Assert.Equal([2L, 5], KeyQuery.Compile(a, _ => []).Evaluate(Ids, All));
        Assert.Equal([2L, 4, 5], KeyQuery.Compile(new AnyOf([a, b]), _ => []).Evaluate(Ids, All));
        Assert.Equal([5L], KeyQuery.Compile(new AllOf([a, b]), _ => []).Evaluate(Ids, All));
        Assert.Equal([7L], KeyQuery.Compile(wide, p => ["sanctions"]).Evaluate(Ids, All));
        Assert.Equal(All(), KeyQuery.Compile(wide, _ => null).Evaluate(Ids, All));
        Assert.Equal([4L, 5], KeyQuery.Compile(new AllOf([wide, b]), _ => null).Evaluate(Ids, All));
        Assert.Empty(KeyQuery.Compile(wide, _ => []).Evaluate(Ids, All)); // a prefix no word starts with
        Assert.Empty(KeyQuery.Compile(new AllOf([b, wide]), _ => []).Evaluate(Ids, All));
        Assert.Equal([4L, 5], KeyQuery.Compile(new AnyOf([b, wide]), _ => []).Evaluate(Ids, All));
    }

    [Fact]
    public void A_lone_surrogate_is_a_separator_not_a_crash()
    {
        var keys = new HashSet<long>();
        SearchTokens.AddKeys("coal\uD800丹东", keys, []);
        Assert.Equal(new[] { "coal", "丹", "东", "丹东" }.Select(t => TokenKey.Of(t)).ToHashSet(), keys);
        Assert.Equal("coal", SearchTokens.ForDocument("coal\uDC00").Words);
    }
}
