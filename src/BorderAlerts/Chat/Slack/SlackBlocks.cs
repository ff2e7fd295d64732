using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Cards as Block Kit, within its limits by truncation: 50 blocks a message, header 150, section text 3000, context
/// 10 elements, and a plain-text fallback for notifications. https://api.slack.com/reference/block-kit/blocks
/// </summary>
public static class SlackBlocks
{
    public const int MaxBlocks = 50, CardsPerMessage = 5, MaxFallback = 3000;
    /// <summary>A summary in a rich_text block (highlights inside words) is cut like one in a section.</summary>
    const int MaxRichSummary = 2900;

    /// <param name="controls">The bot's own messages carry feedback buttons under each card; incoming webhooks cannot.</param>
    public static JsonObject Cards(IReadOnlyList<AlertCard> cards, bool controls = false)
    {
        var blocks = new JsonArray();
        foreach (var card in cards.Take(CardsPerMessage))
        {
            if (blocks.Count > 0) blocks.Add(new JsonObject { ["type"] = "divider" });
            foreach (var block in Card(card)) blocks.Add(block);
            if (controls && SlackButtons.Feedback(card) is { } actions) blocks.Add(actions);
        }
        var mention = cards.Select(c => c.Mention).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
        var prefix = mention is null ? "" : Mention(mention) + " "; // the mention settings chose, never feed text
        var fallback = prefix + SlackMrkdwn.Plain(string.Join(" | ", cards.Select(c => $"[{c.Severity}] {c.Title}")), MaxFallback - prefix.Length);
        return new JsonObject { ["text"] = fallback, ["blocks"] = blocks, ["unfurl_links"] = false, ["unfurl_media"] = false };
    }

    static IEnumerable<JsonObject> Card(AlertCard card)
    {
        var title = card.Url is { } url ? SlackMrkdwn.Link(url, TextCut.Truncate(card.Title, 250)) : "*" + SlackMrkdwn.Escape(TextCut.Truncate(card.Title, 250)) + "*";
        var marker = card.Severity switch { Core.Rules.Severity.Critical => "🔴", Core.Rules.Severity.High => "🟠", Core.Rules.Severity.Normal => "🔵", _ => "⚪" };
        var text = $"{marker} {title}";
        if (card.Mention is { } mention) text = Mention(mention) + " " + text;
        var richSummary = card.Summary.Length > 0 && !SlackRichText.MrkdwnCanBold(card.Summary, card.SummaryHighlights);
        if (card.Summary.Length > 0 && !richSummary) text += "\n" + SlackMrkdwn.Bold(card.Summary, card.SummaryHighlights, 3000 - text.Length - 2);
        yield return Section(TextCut.Truncate(text, 3000));
        if (richSummary) yield return SlackRichText.Block(card.Summary, card.SummaryHighlights, MaxRichSummary);
        if (card.Translation is { } translation) yield return Section(TextCut.Truncate(Translated(translation), 3000));
        if (card.Designations.Count > 0)
            yield return Section(TextCut.Truncate("*Designated:* " + string.Join("\n", card.Designations.Select(d =>
                ChatText.Designation(d, SlackMrkdwn.Escape, url => SlackMrkdwn.Link(url, "entry")))), 3000));
        var context = new List<string>
        {
            $"*{SlackMrkdwn.Escape(card.SourceName)}*" + string.Concat(new[] { card.SourceKind, card.Language }.OfType<string>().Select(part => " · " + SlackMrkdwn.Escape(part))),
            ChatText.Published(card),
            $"Rule: {SlackMrkdwn.Escape(card.RuleName)} ({card.Severity.ToString().ToLowerInvariant()}){ChatText.AlsoMatched(card, SlackMrkdwn.Escape)}",
        };
        if (card.Terms.Count > 0) context.Add("Matched: " + SlackMrkdwn.Escape(TextCut.Truncate(string.Join(", ", card.Terms), 500)));
        if (card.Story is { } story) context.Add(story);
        if (card.TranslateUrl is { } translate) context.Add(SlackMrkdwn.Link(translate, "Machine translation"));
        if (card.AlsoReportedBy.Count > 0) context.Add("Also reported by " + SlackMrkdwn.Escape(string.Join(", ", card.AlsoReportedBy)));
        yield return new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(context.Take(10).Select(t => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = TextCut.Truncate(t, 2000) }).ToArray()),
        };
    }

    /// <summary>The machine translation under the original, labelled; escaped like feed text (it is feed text, reworded).</summary>
    static string Translated(CardTranslation translation) =>
        $"_Machine translation ({SlackMrkdwn.Escape(translation.Provider)})_: *{SlackMrkdwn.Escape(TextCut.Truncate(translation.Title, 250))}*" +
        (translation.Summary.Length > 0 ? "\n" + SlackMrkdwn.Escape(TextCut.Truncate(translation.Summary, 2500)) : "");

    public static JsonObject AlsoReported(AlertCard card) => new()
    {
        ["text"] = SlackMrkdwn.Plain($"Also reported by {card.SourceName}: {card.Title}", MaxFallback),
        ["blocks"] = new JsonArray(Section(TextCut.Truncate("↳ Also reported by *" + SlackMrkdwn.Escape(card.SourceName) + "*" +
            (card.Story is { } story ? $" ({story})" : "") + ": " +
            (card.Url is { } url ? SlackMrkdwn.Link(url, TextCut.Truncate(card.Title, 250)) : SlackMrkdwn.Escape(card.Title)), 3000))),
        ["unfurl_links"] = false,
    };

    /// <summary>One line per alert, its machine-translated title under it where there is one; as many lines as fit.</summary>
    public static JsonObject Digest(ChatMessage.Digest digest)
    {
        var lines = ChatText.FitLines(digest.Items.Select(c => "• " + (c.Url is { } url
            ? SlackMrkdwn.Link(url, TextCut.Truncate(c.Title, c.Translation is null ? 150 : 100)) : SlackMrkdwn.Escape(TextCut.Truncate(c.Title, 250)))
            + " — " + SlackMrkdwn.Escape(c.SourceName) +
            (c.Translation is { } translation ? "\n   ↳ _Machine translation:_ " + SlackMrkdwn.Escape(TextCut.Truncate(translation.Title, 150)) : "")).ToList(), 2900);
        var blocks = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = TextCut.Truncate($"Digest: {digest.RuleName} ({digest.Items.Count})", 150) } },
            Section(lines),
            new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = TextCut.Truncate(SlackMrkdwn.Escape(digest.Note), 2000) }) });
        return new JsonObject { ["text"] = SlackMrkdwn.Plain($"Digest: {digest.RuleName} ({digest.Items.Count} alerts)", MaxFallback), ["blocks"] = blocks, ["unfurl_links"] = false };
    }

    public static JsonObject Notice(string text) => new()
    {
        ["text"] = SlackMrkdwn.Plain(text, MaxFallback),
        ["blocks"] = new JsonArray(Section(TextCut.Truncate("⚠️ " + SlackMrkdwn.Escape(text), 3000))),
    };

    static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn.Length == 0 ? "—" : mrkdwn } };

    /// <summary>Only the mention chosen in settings: @here/@channel, or a user group id.</summary>
    static string Mention(string mention) => mention switch
    {
        "@here" => "<!here>",
        "@channel" or "@everyone" => "<!channel>",
        _ when mention.StartsWith('S') => $"<!subteam^{mention}>",
        _ => "",
    };
}
