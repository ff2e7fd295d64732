using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Core.Tests.Parsing;

/// <summary>A lone UTF-16 surrogate in one item must cost that item's bad character, never the other items.</summary>
public class LoneSurrogateTests
{
    static ParseResult Parse(string body, FeedDefinition feed) => FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, Fixture.Context(feed));

    [Theory]
    [InlineData(@"\ud800 ok", "\uFFFD ok")]
    [InlineData(@"ok \udc00", "ok \uFFFD")]
    [InlineData(@"\udc00\ud800 ok", "\uFFFD\uFFFD ok")]
    [InlineData(@"pair \ud83d\ude00 kept", "pair 😀 kept")]
    [InlineData(@"escaped \\ud800 text", @"escaped \ud800 text")]
    public void A_json_feed_keeps_every_item_and_replaces_only_the_broken_character(string escapedTitle, string expected)
    {
        var result = Parse($$"""
            {"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
              {"id":"1","url":"https://x/1","title":"Dandong customs"},
              {"id":"2","url":"https://x/2","title":"{{escapedTitle}}","content_text":"{{escapedTitle}}"},
              {"id":"3","url":"https://x/3","title":"Sinuiju bridge"}]}
            """, Fixture.Feed());
        Assert.True(result.Ok, result.Error);
        Assert.Equal(["Dandong customs", expected, "Sinuiju bridge"], result.Items.Select(i => i.Title));
        Assert.Equal(expected, result.Items[1].Text);
    }

    [Fact]
    public void A_json_list_api_keeps_every_item_and_replaces_only_the_broken_character()
    {
        var recipe = new JsonRecipe("list", "title", "url", "date", "summary", "id");
        var result = Parse("""
            {"list":[{"id":1,"title":"Dandong customs","url":"https://x/1"},
                     {"id":2,"title":"\ud800 ok","summary":"coal \udfff","url":"https://x/2"},
                     {"id":3,"title":"Sinuiju bridge","url":"https://x/3"}]}
            """, Fixture.Feed(type: FeedType.Json, json: recipe));
        Assert.True(result.Ok, result.Error);
        Assert.Equal(["Dandong customs", "\uFFFD ok", "Sinuiju bridge"], result.Items.Select(i => i.Title));
        Assert.Equal("coal \uFFFD", result.Items[1].Text);
    }

    [Theory]
    [InlineData("&#xD800; ok")]
    [InlineData("&#55296; ok")]
    public void An_rss_character_reference_to_a_surrogate_costs_only_that_character(string title)
    {
        var result = Parse($"<rss version=\"2.0\"><channel><item><title>Dandong customs</title></item><item><title>{title}</title></item>" +
            "<item><title>Sinuiju bridge</title></item></channel></rss>", Fixture.Feed());
        Assert.True(result.Ok, result.Error);
        Assert.Equal(["Dandong customs", "\uFFFD ok", "Sinuiju bridge"], result.Items.Select(i => i.Title));
    }

    [Fact]
    public void An_atom_character_reference_to_a_surrogate_costs_only_that_character()
    {
        var result = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-11-30T00:00:00Z</updated>
            <entry><title>Dandong customs</title><id>urn:x:1</id><updated>2026-11-30T00:00:00Z</updated></entry>
            <entry><title>ok &#xDC00;</title><id>urn:x:2</id><updated>2026-11-30T00:00:00Z</updated></entry></feed>
            """, Fixture.Feed());
        Assert.True(result.Ok, result.Error);
        Assert.Equal(["Dandong customs", "ok \uFFFD"], result.Items.Select(i => i.Title));
    }
}
