using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// Cards as Discord embeds, within every limit by truncation (title 256, description 4096, 25 fields, name 256,
/// value 1024, footer 2048, 10 embeds and 6000 characters per message), never by a rejected message.
/// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
/// </summary>
public static class DiscordEmbeds
{
    public const int MaxEmbeds = 10, MaxTotal = 6000, Margin = 100;

    public static JsonArray Render(IReadOnlyList<AlertCard> cards)
    {
        var shown = cards.Take(MaxEmbeds).ToList();
        int budget = (MaxTotal - Margin) / Math.Max(1, shown.Count); // each embed's share of the message's 6000
        var embeds = new JsonArray();
        foreach (var card in shown)
        {
            var embed = Embed(card, budget);
            int room = Math.Min(4096, budget - Size(embed));
            if (room > 20 && card.Summary.Length > 0) embed["description"] = DiscordMarkdown.Bold(card.Summary, card.SummaryHighlights, room);
            embeds.Add(embed);
        }
        return embeds;
    }

    /// <summary>One card's embed without its description, every part scaled to the embed's share of the total.</summary>
    static JsonObject Embed(AlertCard card, int budget)
    {
        int small = Math.Clamp(budget / 8, 24, 256), large = Math.Clamp(budget / 5, 40, 1024);
        var fields = new JsonArray
        {
            Field("Source", ChatText.Source(card, DiscordMarkdown.Escape), small),
            Field("Published", ChatText.Published(card), 256),
            Field("Rule", $"{DiscordMarkdown.Escape(card.RuleName)} · {card.Severity.ToString().ToLowerInvariant()}", small),
        };
        // The translation is what a non-reader triages by: it comes before the fields that give way when a message is full.
        if (card.Translation is { } translation)
            fields.Add(Field($"Machine translation ({DiscordMarkdown.Escape(translation.Provider)})", DiscordMarkdown.Escape(translation.Title) +
                (translation.Summary.Length > 0 ? "\n" + DiscordMarkdown.Escape(translation.Summary) : ""), large));
        // A designated name is the sharpest signal a card can carry: right after what the item says.
        if (card.Designations.Count > 0)
            fields.Add(Field(card.Designations.Count == 1 ? "Designated" : "Designations", string.Join("\n", card.Designations.Select(d =>
                ChatText.Designation(d, DiscordMarkdown.Escape, url => $"[entry]({Link(url)})"))), large));
        if (card.Terms.Count > 0) fields.Add(Field("Matched", string.Join(", ", card.Terms.Select(DiscordMarkdown.Escape)), large));
        if (card.Story is { } story) fields.Add(Field("Story", story, small));
        if (card.AlsoMatched.Count > 0) fields.Add(Field("Also matched", string.Join(", ", card.AlsoMatched.Select(r => ChatText.AlsoMatchedRule(r, DiscordMarkdown.Escape))), large));
        if (card.TranslateUrl is { } translate && budget >= 1000) fields.Add(Field("Translate", $"[Machine translation]({Link(translate)})", 1024));
        if (card.AlsoReportedBy.Count > 0) fields.Add(Field("Also reported by", string.Join(", ", card.AlsoReportedBy.Select(DiscordMarkdown.Escape)), small));
        var embed = new JsonObject
        {
            ["type"] = "rich",
            ["title"] = Cut(DiscordMarkdown.Escape(card.Title), Math.Clamp(budget / 5, 40, 256)),
            ["color"] = Color(card.Severity),
            ["fields"] = fields,
            ["footer"] = new JsonObject { ["text"] = $"BorderAlerts · alert {card.AlertId}" },
        };
        if (card.Url is { Scheme: "http" or "https" } url) embed["url"] = url.AbsoluteUri;
        if (card.PublishedUtc is { } published) embed["timestamp"] = published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        // Many oversized cards in one message: the least telling fields (last) give way to the embed's share of the total.
        while (fields.Count > (card.Translation is null ? 3 : 4) && Size(embed) > budget) fields.RemoveAt(fields.Count - 1);
        return embed;
    }

    static JsonObject Field(string name, string value, int max) =>
        new() { ["name"] = name, ["value"] = Cut(value.Length == 0 ? "—" : value, Math.Min(1024, max)), ["inline"] = max <= 256 };

    static string Cut(string escaped, int max) => DiscordMarkdown.MendCut(TextCut.Truncate(escaped, max));

    public static int Color(Severity severity) => severity switch
    {
        Severity.Critical => 0xE74C3C,
        Severity.High => 0xE67E22,
        Severity.Normal => 0x3498DB,
        _ => 0x95A5A6,
    };

    /// <summary>A URL safe inside a masked link: parentheses percent-encoded so they cannot close it early.</summary>
    public static string Link(Uri url) => url.AbsoluteUri.Replace("(", "%28").Replace(")", "%29");

    /// <summary>The characters Discord counts towards the 6000 total for one embed.</summary>
    public static int Size(JsonObject embed)
    {
        int Length(JsonNode? node) => node?.GetValue<string>().Trim().Length ?? 0;
        var size = Length(embed["title"]) + Length(embed["description"]) + Length(embed["footer"]?["text"]) + Length(embed["author"]?["name"]);
        foreach (var field in embed["fields"]?.AsArray() ?? []) size += Length(field!["name"]) + Length(field["value"]);
        return size;
    }
}
