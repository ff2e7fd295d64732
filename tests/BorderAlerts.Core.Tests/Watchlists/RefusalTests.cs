using System.Text;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

/// <summary>Documents a list is refused whole, with the list id, the format and where the problem is.</summary>
public class RefusalTests
{
    const string Ofac = """<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">""";

    static string FixtureText(string name) => Encoding.UTF8.GetString(Fixture.Bytes(Path.Combine("watchlists", name)));

    [Fact]
    public void A_un_list_read_as_ofac_names_the_root_it_found()
    {
        var error = ListReads.Refusal(WatchlistFormat.OfacSdnXml, FixtureText("un_consolidated.xml"));
        Assert.StartsWith("watchlist test-list (ofac-sdn-xml): line 2, position 2:", error.Message);
        Assert.Contains("<CONSOLIDATED_LIST>, not <sdnList>", error.Message);
        Assert.Equal(("test-list", WatchlistFormat.OfacSdnXml), (error.ListId, error.Format));
    }

    [Fact]
    public void An_ofac_list_read_as_the_un_list_is_refused()
    {
        var error = ListReads.Refusal(WatchlistFormat.UnConsolidatedXml, FixtureText("ofac_sdn.xml"));
        Assert.Contains("<sdnList>, not <CONSOLIDATED_LIST>", error.Message);
    }

    [Fact]
    public void An_sdn_list_in_an_unknown_namespace_is_refused_rather_than_misread()
    {
        var error = ListReads.Refusal(WatchlistFormat.OfacSdnXml, """<sdnList xmlns="urn:other"><sdnEntry><uid>1</uid><lastName>X</lastName></sdnEntry></sdnList>""");
        Assert.Contains("namespace 'urn:other'", error.Message);
    }

    [Theory]
    [InlineData(WatchlistFormat.OfacSdnXml)]
    [InlineData(WatchlistFormat.UnConsolidatedXml)]
    [InlineData(WatchlistFormat.OpenSanctionsFtm)]
    public void An_html_error_page_is_refused_as_such(WatchlistFormat format)
    {
        var error = ListReads.Refusal(format, "\n<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>down</body></html>");
        Assert.Contains("HTML page", error.Message);
        Assert.Contains($"({format.Name()})", error.Message);
    }

    [Theory]
    [InlineData(WatchlistFormat.OfacSdnXml, "")]
    [InlineData(WatchlistFormat.UnConsolidatedXml, "  \r\n ")]
    [InlineData(WatchlistFormat.OpenSanctionsFtm, "\n\n")]
    public void An_empty_document_is_refused(WatchlistFormat format, string body) =>
        Assert.Contains("the document is empty", ListReads.Refusal(format, body).Message);

    [Theory]
    [InlineData("ofac_sdn.xml", WatchlistFormat.OfacSdnXml)]
    [InlineData("un_consolidated.xml", WatchlistFormat.UnConsolidatedXml)]
    public void A_list_cut_off_midway_is_refused_with_its_line(string fixture, WatchlistFormat format)
    {
        var text = FixtureText(fixture);
        var error = ListReads.Refusal(format, text[..(text.Length / 2)]);
        Assert.Contains("cut off", error.Message);
        Assert.True(error.Line > 1, error.Message);
    }

    [Fact]
    public void An_export_cut_off_mid_line_is_refused_with_the_line()
    {
        var lines = FixtureText("opensanctions.ftm.json").Split('\n');
        var cut = string.Join('\n', lines[..2]) + "\n" + lines[2][..40];
        var error = ListReads.Refusal(WatchlistFormat.OpenSanctionsFtm, cut);
        Assert.StartsWith("watchlist test-list (opensanctions-ftm): line 3, position", error.Message);
        Assert.Contains("not a JSON entity", error.Message);
    }

    [Theory]
    [InlineData(WatchlistFormat.OpenSanctionsFtm, "ofac_sdn.xml", "starts with '<?xml")]
    [InlineData(WatchlistFormat.OfacSdnXml, "opensanctions.ftm.json", "starts with '{\"id\"")]
    public void Xml_read_as_json_lines_and_json_read_as_xml_are_refused(WatchlistFormat format, string fixture, string problem) =>
        Assert.Contains(problem, ListReads.Refusal(format, FixtureText(fixture)).Message);

    [Fact]
    public void A_billion_laughs_is_refused_at_its_dtd()
    {
        var bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE sdnList [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <sdnList><sdnEntry><uid>1</uid><lastName>&lol3;</lastName></sdnEntry></sdnList>
            """;
        var error = ListReads.Refusal(WatchlistFormat.OfacSdnXml, bomb);
        Assert.Contains("declares a DTD", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_external_entity_is_refused_at_its_dtd()
    {
        var xxe = """<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM "file:///etc/passwd">]><CONSOLIDATED_LIST>&x;</CONSOLIDATED_LIST>""";
        Assert.Contains("declares a DTD", ListReads.Refusal(WatchlistFormat.UnConsolidatedXml, xxe).Message);
    }

    [Fact]
    public void An_entry_nested_absurdly_deep_is_refused_without_building_it()
    {
        var deep = Ofac + "<sdnEntry><uid>1</uid>" + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</sdnEntry></sdnList>";
        var error = ListReads.Refusal(WatchlistFormat.OfacSdnXml, deep);
        Assert.Contains("refused a record nested deeper than", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_record_with_a_huge_text_is_refused_at_the_cap_without_holding_the_text()
    {
        var body = Encoding.UTF8.GetBytes(Ofac + "<sdnEntry><uid>1</uid><lastName>" + new string('A', 20_000_000) + "</lastName></sdnEntry></sdnList>");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<WatchlistFormatException>(() =>
            WatchlistParser.Parse(ListReads.List(WatchlistFormat.OfacSdnXml), new MemoryStream(body), new WatchlistCounts()).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("refused a record with more than 4000000 characters of text", error.Message);
        Assert.True(allocated < 30_000_000, $"{allocated:N0} bytes allocated for a 20,000,000-character text");
    }

    [Fact]
    public void Entries_before_the_problem_are_read_one_at_a_time_before_the_refusal()
    {
        var text = Ofac + "<sdnEntry><uid>1</uid><lastName>FIRST</lastName></sdnEntry><sdnEntry><uid>2</uid><lastName>SEC";
        var counts = new WatchlistCounts();
        var seen = new List<string>();
        var error = Assert.Throws<WatchlistFormatException>(() =>
        {
            foreach (var e in WatchlistParser.Parse(ListReads.List(WatchlistFormat.OfacSdnXml), new MemoryStream(Encoding.UTF8.GetBytes(text)), counts))
                seen.Add(e.Name);
        });
        Assert.Equal(["FIRST"], seen);
        Assert.Contains("cut off", error.Message);
    }
}
