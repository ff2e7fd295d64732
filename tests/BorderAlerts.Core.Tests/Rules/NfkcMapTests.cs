using System.Globalization;
using System.Text;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Tests.Rules;

public class NfkcMapTests
{
    /// <summary>The definition: NFKC of each grapheme cluster, each output character pointing at its cluster.</summary>
    static (string Text, List<(int, int)> Origins) ByCluster(string source)
    {
        var text = new StringBuilder();
        var origins = new List<(int, int)>();
        var elements = StringInfo.GetTextElementEnumerator(source);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            string normal;
            try { normal = element.Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException) { normal = element; }
            text.Append(normal);
            foreach (var _ in normal) origins.Add((elements.ElementIndex, elements.ElementIndex + element.Length));
        }
        return (text.ToString(), origins);
    }

    static void AssertSameAsByCluster(NfkcMap map, string source)
    {
        var (text, origins) = ByCluster(source);
        Assert.Equal(text, map.Text.ToString());
        for (int i = 0; i < origins.Count; i++) Assert.Equal(origins[i], map.Original(i, i + 1));
    }

    // Expanding, changing and joining characters beside ordinary ones from every script the matcher sees.
    const string Pool = "aZ9 .,-\t\n\r…™ﬁ㈜½№ＤＰＲＫｶﾀﾞﾝﾟ丹東丹东단둥ㄱ\u1100\u1161\u11A8タンドンが\u3099\u0301\u0308é\u00A8˜\u00AD\u200B\u200D\u200F\uFE0F\u0E33\u0915\u094D\u0937\uFF9E\u00A0\u3000";

    [Fact]
    public void Normalising_by_character_gives_exactly_what_normalising_by_cluster_gives()
    {
        var random = new Random(42);
        var map = new NfkcMap();
        for (int n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(1, 8)];
            for (int i = 0; i < chars.Length; i++) chars[i] = Pool[random.Next(Pool.Length)];
            var source = new string(chars);
            map.Fill(source);
            AssertSameAsByCluster(map, source);
        }
    }

    [Theory]
    [InlineData("Dandong…")]                 // only single-cluster characters: the table path
    [InlineData("Trump™ meets Kim…")]
    [InlineData("㈜丹東 ﬁne")]
    [InlineData("e\u0301… 😀 \uD800 x")]       // a combining mark, a surrogate pair and a lone surrogate: the ICU path
    [InlineData("line\r\nbreak…")]
    public void A_reused_map_normalises_each_text_afresh(string source)
    {
        var map = new NfkcMap();
        map.Fill("a much longer text that came before it, with ﬁ and … in it, to be overwritten");
        map.Fill(source);
        AssertSameAsByCluster(map, source);
    }

    [Fact]
    public void Every_character_marked_single_stands_alone_beside_any_other()
    {
        var random = new Random(7);
        var singles = Enumerable.Range(0, 65536).Select(c => (char)c).Where(FoldTable.IsSingleCluster).ToArray();
        Assert.True(singles.Length > 50_000);
        for (int n = 0; n < 200_000; n++)
        {
            var pair = new[] { singles[random.Next(singles.Length)], singles[random.Next(singles.Length)] };
            Assert.Equal(1, StringInfo.GetNextTextElementLength(pair));
        }
    }
}
