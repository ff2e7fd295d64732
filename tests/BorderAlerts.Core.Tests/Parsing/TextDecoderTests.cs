using System.Text;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Parsing;

public class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static byte[] Encode(string text, string encoding) => Encoding.GetEncoding(encoding).GetBytes(text);

    [Theory]
    [InlineData("realfeeds/feedparser_euc-kr.xml", null, "ks_c_5601-1987", "xml declaration")]
    [InlineData("realfeeds/feedparser_euc-kr-item.xml", null, "ks_c_5601-1987", "xml declaration")]
    [InlineData("realfeeds/feedparser_big5.xml", null, "big5", "xml declaration")]
    [InlineData("realfeeds/feedparser_http_application_atom_xml_gb2312_charset.xml", "application/atom+xml;charset='gb2312'", "gb18030", "http charset")]
    [InlineData("realfeeds/feedparser_http_application_atom_xml_gb2312_charset_overrides_encoding.xml", "application/atom+xml; charset='gb2312'", "gb18030", "http charset")]
    [InlineData("realfeeds/feedparser_http_application_atom_xml_gb2312_encoding.xml", "application/atom+xml", "gb18030", "xml declaration")]
    [InlineData("realfeeds/iso-8859-1_intranet30.rss.xml", null, "windows-1252", "xml declaration")]
    public void Declared_encodings_are_honoured_in_order_of_trust(string fixture, string? contentType, string expected, string decidedBy)
    {
        var decoded = TextDecoder.Decode(Fixture.Bytes(fixture), contentType, null);
        Assert.Equal(expected, decoded.EncodingName);
        Assert.Equal(decidedBy, decoded.DecidedBy);
        Assert.False(decoded.Lossy);
    }

    [Fact]
    public void Euc_kr_fixture_comes_out_as_korean() =>
        Assert.Contains("<title>년</title>", TextDecoder.Decode(Fixture.Bytes("realfeeds/feedparser_euc-kr.xml"), null, null).Text);

    [Theory]
    [InlineData("단둥 세관, 석탄 밀수 적발", "euc-kr", "ko")]
    [InlineData("丹東海關查獲走私煤炭", "big5", "zh-Hant")]
    [InlineData("丹东海关查获走私煤炭 镕", "gb18030", "zh-Hans")]
    [InlineData("北朝鮮の石炭密輸を摘発", "shift_jis", "ja")]
    public void Undeclared_legacy_bytes_are_read_in_the_languages_usual_encoding(string text, string encoding, string language)
    {
        var decoded = TextDecoder.Decode(Encode($"<rss><title>{text}</title></rss>", encoding), null, language);
        Assert.Contains(text, decoded.Text);
    }

    [Theory]
    [InlineData("text/xml; charset=utf-8", "euc-kr")]
    [InlineData("text/xml; charset=shift_jis", "euc-kr")]
    public void A_declaration_the_bytes_contradict_is_passed_over(string contentType, string actual)
    {
        var body = Encode("<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss><title>신의주 세관</title></rss>", actual);
        var decoded = TextDecoder.Decode(body, contentType, "ko");
        Assert.Contains("신의주 세관", decoded.Text);
    }

    [Fact]
    public void Utf8_bytes_labelled_latin1_are_read_as_utf8()
    {
        var body = Encoding.UTF8.GetBytes("<rss><title>조선 라선 경제무역지대</title></rss>");
        var decoded = TextDecoder.Decode(body, "application/rss+xml; charset=iso-8859-1", null);
        Assert.Contains("조선 라선 경제무역지대", decoded.Text);
    }

    [Fact]
    public void Bom_beats_the_xml_declaration_and_is_stripped()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"big5\"?><rss>단둥</rss>")).ToArray();
        var decoded = TextDecoder.Decode(body, null, null);
        Assert.Equal("bom", decoded.DecidedBy);
        Assert.StartsWith("<?xml", decoded.Text);
    }

    [Fact]
    public void Html_meta_charset_is_read_when_nothing_else_declares()
    {
        var body = Encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><body>평양</body></html>", "euc-kr");
        var decoded = TextDecoder.Decode(body, "text/html", null);
        Assert.Equal("html meta", decoded.DecidedBy);
        Assert.Contains("평양", decoded.Text);
    }

    [Fact]
    public void Euc_jp_declared_in_xml_is_read()
    {
        var body = Encode("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><rss><title>丹東の税関</title></rss>", "euc-jp");
        Assert.Contains("丹東の税関", TextDecoder.Decode(body, null, "ja").Text);
    }

    [Theory]
    [InlineData("utf-32BE", false, "utf-32be", "first bytes")]
    [InlineData("utf-32", false, "utf-32le", "first bytes")]
    [InlineData("utf-32", true, "utf-32le", "bom")]
    public void Utf32_is_known_by_its_first_bytes_or_its_byte_order_mark(string encoding, bool bom, string expected, string decidedBy)
    {
        var body = Encoding.GetEncoding(encoding).GetBytes("<?xml version=\"1.0\"?><rss><title>丹东口岸</title></rss>");
        if (bom) body = [.. Encoding.GetEncoding(encoding).GetPreamble(), .. body];
        var decoded = TextDecoder.Decode(body, "text/xml; charset=utf-8", null);
        Assert.Equal((expected, decidedBy), (decoded.EncodingName, decoded.DecidedBy));
        Assert.Equal("<?xml version=\"1.0\"?><rss><title>丹东口岸</title></rss>", decoded.Text);
    }
}
