using System.Text.Json.Nodes;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Tests.Chat;

public class DiscordEmbedTests
{
    public static TheoryData<int> BatchSizes => new() { 1, 2, 5, 10, 12 };

    [Theory, MemberData(nameof(BatchSizes))]
    public void Hostile_oversized_cards_always_fit_every_embed_limit(int count)
    {
        var body = DiscordMessages.Cards(Enumerable.Range(0, count).Select(i => Cards.Hostile(i)).ToList());
        var embeds = body["embeds"]!.AsArray();
        Assert.InRange(embeds.Count, 1, 10);
        Assert.InRange(embeds.Sum(e => DiscordEmbeds.Size(e!.AsObject())), 1, 6000);
        foreach (var embed in embeds.Select(e => e!.AsObject()))
        {
            Assert.InRange(Text(embed["title"]).Length, 1, 256);
            Assert.InRange(Text(embed["description"]).Length, 0, 4096);
            Assert.InRange(embed["fields"]!.AsArray().Count, 0, 25);
            foreach (var field in embed["fields"]!.AsArray())
            {
                Assert.InRange(Text(field!["name"]).Length, 1, 256);
                Assert.InRange(Text(field["value"]).Length, 1, 1024);
            }
            Assert.InRange(Text(embed["footer"]!["text"]).Length, 1, 2048);
        }
    }

    [Fact]
    public void A_designation_the_item_named_shows_right_after_the_card_text_with_its_entry_link()
    {
        var fields = DiscordMessages.Cards([Cards.Designated()], controls: true)["embeds"]![0]!["fields"]!.AsArray();
        var designated = fields.Single(f => Text(f!["name"]) == "Designated");
        Assert.Equal(@"CHON MA SAN — OFAC SDN list · vessel · DPRK3 · listed 2018\-02\-23 · IMO 8660313 · [entry](https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23456)",
            Text(designated!["value"]));
        Assert.True(fields.IndexOf(designated) < fields.IndexOf(fields.Single(f => Text(f!["name"]) == "Matched")));
    }

    [Fact]
    public void Feed_text_cannot_mention_anyone_or_plant_links()
    {
        var body = DiscordMessages.Cards([Cards.Hostile()]);
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(body["content"]);
        var json = body.ToJsonString();
        var title = Text(body["embeds"]![0]!["title"]);
        Assert.DoesNotContain("@everyone", title, StringComparison.Ordinal);
        Assert.Contains("@\u200Beveryone", title, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", json, StringComparison.Ordinal);
        Assert.Contains("\\[phish\\]\\(https\\://evil.example\\)", title, StringComparison.Ordinal);
        Assert.DoesNotContain("\"parse\":[\"everyone\"", json);
    }

    [Fact]
    public void A_configured_mention_on_a_critical_card_is_the_only_one_allowed()
    {
        var role = DiscordMessages.Cards([Cards.Ordinary(severity: Core.Rules.Severity.Critical) with { Mention = "<@&987654321>" }]);
        Assert.Equal("<@&987654321>", Text(role["content"]));
        Assert.Equal("987654321", Text(role["allowed_mentions"]!["roles"]![0]));
        Assert.Empty(role["allowed_mentions"]!["parse"]!.AsArray());
        var here = DiscordMessages.Cards([Cards.Ordinary() with { Mention = "@here" }]);
        Assert.Equal("everyone", Text(here["allowed_mentions"]!["parse"]![0]));
    }

    [Fact]
    public void An_ordinary_card_shows_link_source_kind_language_times_rules_glossed_terms_story_summary_and_translation()
    {
        var embed = DiscordMessages.Cards([Cards.Ordinary()])["embeds"]![0]!.AsObject();
        Assert.Equal("https://china.kyodonews.net/news/2026/11/1.html", Text(embed["url"]));
        Assert.Equal(0xE67E22, embed["color"]!.GetValue<int>());
        Assert.Equal("2026-11-30T00:15:00.000Z", Text(embed["timestamp"]));
        Assert.Equal("【共同社电】**丹东**海关查获一批**走私**煤炭。", Text(embed["description"]));
        var fields = embed["fields"]!.AsArray().ToDictionary(f => Text(f!["name"]), f => Text(f!["value"]));
        Assert.Equal("共同网 Kyodo News \\(简体中文\\) · wire · zh\\-Hans", fields["Source"]);
        Assert.Equal("2026-11-30 00:15 UTC · 2026-11-30 09:15 local (UTC+09:00)", fields["Published"]);
        Assert.Equal("Smuggling at the China–DPRK border · high", fields["Rule"]);
        Assert.Equal("dprk\\-trade (normal)", fields["Also matched"]);
        Assert.Equal("丹东 → Dandong, 走私 → smuggling", fields["Matched"]);
        Assert.Equal("First report of this story", fields["Story"]);
        Assert.StartsWith("[Machine translation](https://translate.google.com/", fields["Translate"]);
    }

    [Fact]
    public void A_later_reports_quiet_line_says_how_many_outlets_have_reported_the_story()
    {
        var line = Text(DiscordMessages.AlsoReported(Cards.Ordinary() with { Story = "Not the first report · 3 outlets so far" })["content"]);
        Assert.StartsWith("↳ Also reported by **共同网 Kyodo News \\(简体中文\\)** (Not the first report · 3 outlets so far): [", line);
        Assert.InRange(Text(DiscordMessages.AlsoReported(Cards.Hostile())["content"]).Length, 1, 2000);
    }

    [Fact]
    public void A_digest_lists_titles_within_the_description_limit()
    {
        var digest = DiscordMessages.Digest(new ChatMessage.Digest("Rule", Enumerable.Range(0, 25).Select(i => Cards.Hostile(i)).ToList(), "busy"));
        var embed = digest["embeds"]![0]!.AsObject();
        Assert.InRange(Text(embed["description"]).Length, 1, 4096);
        Assert.InRange(DiscordEmbeds.Size(embed), 1, 6000);
    }

    [Fact]
    public void A_digest_line_shows_its_translated_title_escaped_and_the_digest_stays_within_the_limits()
    {
        var cards = Enumerable.Range(0, 25).Select(i => Cards.Hostile(i) with { Translation = new("@everyone **Dandong** " + new string('d', 400), "", "deepl") }).ToList();
        var embed = DiscordMessages.Digest(new ChatMessage.Digest("Rule", cards, "busy"))["embeds"]![0]!.AsObject();
        var few = Text(DiscordMessages.Digest(new ChatMessage.Digest("Rule", cards.Take(2).ToList(), "busy"))["embeds"]![0]!["description"]);

        Assert.InRange(Text(embed["description"]).Length, 1, 4096);
        Assert.InRange(DiscordEmbeds.Size(embed), 1, 6000);
        Assert.Equal(2, few.Split('\n').Count(line => line.StartsWith("  ↳ _Machine translation:_ @\u200Beveryone \\*\\*Dandong\\*\\* ddd")));
    }

    static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
