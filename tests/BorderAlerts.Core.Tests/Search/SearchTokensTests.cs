using BorderAlerts.Core.Search;

namespace BorderAlerts.Core.Tests.Search;

public sealed class SearchTokensTests
{
    [Theory]
    [InlineData("丹东走私", "丹东 东走 走私", "丹 东 走 私")]
    [InlineData("丹東走私", "丹东 东走 走私", "丹 东 走 私")] // traditional folds to simplified
    [InlineData("Dandong customs seize coal", "dandong customs seize coal", "")]
    [InlineData("Kim Jong-un 访问 丹东", "kim jong un 访问 丹东", "访 问 丹 东")]
    [InlineData("단둥 세관", "단둥 세관", "단 둥 세 관")]
    [InlineData("조선로동당", "조선 선노 노동 동당", "조 선 노 동 당")] // initial sounds folded inside words too
    [InlineData("制裁、密輸", "制裁 密输", "制 裁 密 输")]
    [InlineData("ＤＰＲＫ制裁", "dprk 制裁", "制 裁")] // full width
    [InlineData("Sinŭiju", "sinuiju", "")]
    [InlineData("北", "", "北")]
    [InlineData("丹东丹东", "丹东 东丹 丹东", "丹 东")] // a character is listed once: 1-character queries need no positions
    [InlineData("𠮷野家", "𠮷野 野家", "𠮷 野 家")] // a character outside the BMP stays whole
    [InlineData("", "", "")]
    public void Documents_are_indexed_as_words_bigrams_and_single_characters(string text, string words, string unigrams)
    {
        var indexed = SearchTokens.ForDocument(text);
        Assert.Equal(words, indexed.Words);
        Assert.Equal(unigrams, indexed.Unigrams);
    }

    [Theory]
    [InlineData("丹东", "丹东", null)]
    [InlineData("煤", "", "煤")]
    [InlineData("走私煤炭", "走私 私煤 煤炭", null)]
    [InlineData("ship to ship", "ship to ship", null)]
    [InlineData("노동", "노동", null)]
    [InlineData("&", "", null)]
    public void Terms_become_the_tokens_a_document_must_hold(string normalized, string words, string? unigram)
    {
        var (tokens, single) = SearchTokens.ForTerm(normalized);
        Assert.Equal(words, string.Join(' ', tokens));
        Assert.Equal(unigram, single);
    }
}
