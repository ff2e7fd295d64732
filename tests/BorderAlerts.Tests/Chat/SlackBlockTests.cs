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
    public void Hits_are_bold_and_the_title_links_to_the_article()
    {
        var section = SlackBlocks.Cards([Cards.Ordinary()])["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("<https://china.kyodonews.net/news/2026/11/1.html|丹东海关查获走私煤炭>", section);
        Assert.Contains("【共同社电】*丹东*海关查获一批*走私*煤炭。", section);
    }

    [Fact]
    public void A_digest_fits_its_blocks()
    {
        var body = SlackBlocks.Digest(new ChatMessage.Digest("Rule", Enumerable.Range(0, 25).Select(i => Cards.Hostile(i)).ToList(), "busy"));
        Assert.InRange(Text(body["blocks"]![0]!["text"]!["text"]).Length, 1, 150);
        Assert.InRange(Text(body["blocks"]![1]!["text"]!["text"]).Length, 1, 3000);
    }

    static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
