using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Tests.Rules;

public class MatchTextTests
{
    [Theory]
    // simplified / traditional
    [InlineData("丹東海關", "丹东海关")]
    [InlineData("鴨綠江大橋", "鸭绿江大桥")]
    [InlineData("制裁違反", "制裁违反")]
    [InlineData("朝鮮", "朝鲜")]
    // width and case
    [InlineData("ＤＰＲＫ", "dprk")]
    [InlineData("ﾀﾝﾄﾞﾝ", "タンドン")]
    [InlineData("Ｓａｎｃｔｉｏｎｓ　２０２６", "sanctions 2026")]
    // diacritics and hyphens
    [InlineData("Sinŭiju", "sinuiju")]
    [InlineData("Kaesŏng", "kaesong")]
    [InlineData("Sinu\u0306iju", "sinuiju")] // decomposed (NFD) input
    [InlineData("Kim Jong-un", "kim jong un")]
    [InlineData("ship–to–ship", "ship to ship")]
    [InlineData("  a \t\n b  ", "a b")]
    // DPRK / ROK initial sounds
    [InlineData("로동신문", "노동신문")]
    [InlineData("리명박", "이명박")]
    [InlineData("력사", "역사")]
    [InlineData("녀자", "여자")]
    [InlineData("라선", "나선")]
    [InlineData("락원", "낙원")]
    [InlineData("해외 로동자", "해외 노동자")]
    [InlineData("협력사업", "협력사업")] // 력 inside a word is not word-initial
    // controls and bidi marks
    [InlineData("Dan\u200Edong\u202E", "dandong")] // invisible marks are dropped, not spaces
    public void Text_and_terms_fold_to_one_form(string text, string expected) => Assert.Equal(expected, MatchText.Normalize(text));

    [Fact]
    public void Ligatures_and_enclosed_forms_expand_in_full() => Assert.Equal("fine (주)", MatchText.Normalize("ﬁne ㈜"));
}
