using System.Text.Json.Nodes;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Tests.Chat;

public class SlackBlockTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    public void Hostile_oversized_cards_fit_block_kit_limits(int count)
    {
        var body = SlackBlocks.Cards(Enumerable.Range(0, count).Select(i => Cards.Hostile(i)).ToList());
        var blocks = body["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 50);
        Assert.InRange(Text(body["text"]).Length, 1, 40_000);
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            switch (Text(block["type"]))
            {
                case "section": Assert.InRange(Text(block["text"]!["text"]).Length, 1, 3000); break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, 10);
                    Assert.All(block["elements"]!.AsArray(), e => Assert.InRange(Text(e!["text"]).Length, 1, 2000));
                    break;
                case "header": Assert.InRange(Text(block["text"]!["text"]).Length, 1, 150); break;
            }
        }
    }

    /// <summary>The top-level text is what notifications show, and Slack parses it for mentions and links too.</summary>
    [Theory]
    [InlineData("<!channel> 丹东 smuggling")]
    [InlineData("<!he\u200Bre> 丹东 smuggling")] // a zero-width space that normalisation drops later
    [InlineData("<!every\u00ADone> 丹东 smuggling")] // a soft hyphen
    [InlineData("<!subteam^S0123|@analysts> 丹东")]
    [InlineData("<http://evil.example|Official notice> 丹东")]
    [InlineData("<@U012AB3CD> 丹东")]
    public void No_top_level_text_carries_a_mention_or_a_link_from_feed_text(string title)
    {
        var card = Cards.Ordinary() with { Title = System.Text.RegularExpressions.Regex.Unescape(title), SourceName = "<!here>" };
        var texts = new[]
        {
            SlackBlocks.Cards([card]), SlackBlocks.AlsoReported(card), SlackBlocks.Notice(card.Title),
            SlackBlocks.Digest(new ChatMessage.Digest(card.Title, [card], "note")),
        }.Select(body => Text(body["text"])).ToList();
        Assert.All(texts, text =>
        {
            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.Contains("&lt;", text);
        });
    }

    [Fact]
    public void A_designation_the_item_named_shows_under_the_card_text_with_its_entry_link()
    {
        var blocks = SlackBlocks.Cards([Cards.Designated()], controls: true)["blocks"]!.AsArray();
        Assert.Contains(blocks, b => b!["text"]?["text"]?.GetValue<string>() ==
            "*Designated:* CHON MA SAN — OFAC SDN list · vessel · DPRK3 · listed 2018-02-23 · IMO 8660313 · <https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23456|entry>");
    }

    [Fact]
    public void A_mention_chosen_in_settings_still_reaches_the_notification_of_a_critical_card()
    {
        var body = SlackBlocks.Cards([Cards.Ordinary(severity: Core.Rules.Severity.Critical) with { Mention = "@here", Title = "<!channel>" }]);
        Assert.StartsWith("<!here> ", Text(body["text"]));
        Assert.DoesNotContain("<!channel>", Text(body["text"]));
    }

    [Fact]
    public void Feed_text_cannot_ping_the_channel_or_forge_links()
    {
        var json = SlackBlocks.Cards([Cards.Hostile()]).ToJsonString(new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
        Assert.Contains("&lt;\u200B!channel&gt;", json, StringComparison.Ordinal); // escaped, and defused for the plain fallback text too
        Assert.DoesNotContain("@channel", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Hits_between_word_boundaries_are_mrkdwn_bold_and_the_title_links_to_the_article()
    {
        var card = Cards.Ordinary() with { Summary = "Dandong customs: coal smuggling (cross-border) seized.", SummaryHighlights = [new Highlight(0, 7), new Highlight(22, 9)] };
        var blocks = SlackBlocks.Cards([card])["blocks"]!.AsArray();
        var section = blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("<https://china.kyodonews.net/news/2026/11/1.html|丹东海关查获走私煤炭>", section);
        Assert.Contains("*Dandong* customs: coal *smuggling* (cross-border) seized.", section);
        Assert.DoesNotContain(blocks, b => b!["type"]!.GetValue<string>() == "rich_text");
    }

    [Theory]
    [InlineData("【共同社电】丹东海关查获一批走私煤炭。", 6, 2, "丹东")]        // Chinese running text: no boundary around 丹东
    [InlineData("北朝鮮は北朝鮮に制裁を科した", 4, 3, "北朝鮮")]             // Japanese: は*北朝鮮*に
    [InlineData("coal smuggling rose", 5, 6, "smuggl")]                     // a stem inside a word: *smuggl*ing
    public void Hits_inside_words_are_bold_in_a_rich_text_block_not_asterisks(string summary, int start, int length, string bold)
    {
        var card = Cards.Ordinary() with { Summary = summary, SummaryHighlights = [new Highlight(start, length)] };
        var blocks = SlackBlocks.Cards([card])["blocks"]!.AsArray();

        Assert.DoesNotContain("*" + bold + "*", blocks[0]!["text"]!["text"]!.GetValue<string>());
        var rich = Assert.Single(blocks, b => b!["type"]!.GetValue<string>() == "rich_text")!;
        var elements = rich["elements"]![0]!["elements"]!.AsArray();
        Assert.Equal(summary, string.Concat(elements.Select(e => e!["text"]!.GetValue<string>())));
        var boldText = Assert.Single(elements, e => e!["style"]?["bold"]?.GetValue<bool>() == true)!;
        Assert.Equal(bold, boldText["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_rich_text_summary_stays_literal_and_within_its_length()
    {
        var hostile = Cards.Hostile() with { SummaryHighlights = [new Highlight(56, 1)] }; // 制 of 制裁: inside a word, so rich text
        var rich = SlackBlocks.Cards([hostile])["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "rich_text")!;
        var text = string.Concat(rich["elements"]![0]!["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()));

        Assert.InRange(text.Length, 1, 3000);
        Assert.DoesNotContain("@channel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_reports_quiet_message_says_how_many_outlets_have_reported_the_story()
    {
        var section = Text(SlackBlocks.AlsoReported(Cards.Ordinary() with { Story = "Not the first report · 3 outlets so far" })["blocks"]![0]!["text"]!["text"]);
        Assert.StartsWith("↳ Also reported by *共同网 Kyodo News (简体中文)* (Not the first report · 3 outlets so far): <https://", section);
        var hostile = SlackBlocks.AlsoReported(Cards.Hostile() with { Url = null, Title = new string('标', 5000) });
        Assert.InRange(Text(hostile["blocks"]![0]!["text"]!["text"]).Length, 1, 3000);
    }

    [Fact]
    public void A_digest_fits_its_blocks()
    {
        var body = SlackBlocks.Digest(new ChatMessage.Digest("Rule", Enumerable.Range(0, 25).Select(i => Cards.Hostile(i)).ToList(), "busy"));
        Assert.InRange(Text(body["blocks"]![0]!["text"]!["text"]).Length, 1, 150);
        Assert.InRange(Text(body["blocks"]![1]!["text"]!["text"]).Length, 1, 3000);
    }

    [Fact]
    public void A_digest_line_shows_its_translated_title_escaped_and_the_digest_fits_its_blocks()
    {
        var cards = Enumerable.Range(0, 25).Select(i => Cards.Hostile(i) with { Translation = new("<!channel> *Dandong* " + new string('d', 400), "", "deepl") }).ToList();
        var body = SlackBlocks.Digest(new ChatMessage.Digest("Rule", cards, "busy"));
        var few = Text(SlackBlocks.Digest(new ChatMessage.Digest("Rule", cards.Take(2).ToList(), "busy"))["blocks"]![1]!["text"]!["text"]);

        Assert.InRange(Text(body["blocks"]![1]!["text"]!["text"]).Length, 1, 3000);
        Assert.Equal(2, few.Split('\n').Count(line => line.StartsWith("   ↳ _Machine translation:_ &lt;!channel&gt; *\u200DDandong*\u200D ddd")));
    }

    static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
