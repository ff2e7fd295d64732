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
        var embeds = shown.Select(c => Embed(c, terms: 1024)).ToList();
        int available = MaxTotal - Margin - embeds.Sum(Size);
        if (available < shown.Count * 80)
        {
            embeds = shown.Select(c => Embed(c, terms: 120)).ToList();
            available = MaxTotal - Margin - embeds.Sum(Size);
        }
        int per = Math.Clamp(available / Math.Max(1, shown.Count), 0, 4096);
        for (int i = 0; i < shown.Count; i++)
            if (per > 20 && shown[i].Summary.Length > 0) embeds[i]["description"] = DiscordMarkdown.Bold(shown[i].Summary, shown[i].SummaryHighlights, per);
        return new JsonArray(embeds.ToArray<JsonNode?>());
    }

    static JsonObject Embed(AlertCard card, int terms)
    {
        var fields = new JsonArray
        {
            Field("Source", $"{DiscordMarkdown.Escape(card.SourceName)}{(card.Language is { } l ? $" · {DiscordMarkdown.Escape(l)}" : "")}", 256),
            Field("Published", Published(card), 256),
            Field("Rule", $"{DiscordMarkdown.Escape(card.RuleName)} · {card.Severity.ToString().ToLowerInvariant()}", 256),
        };
        if (card.Terms.Count > 0) fields.Add(Field("Matched", string.Join(", ", card.Terms.Select(DiscordMarkdown.Escape)), terms));
        if (card.TranslateUrl is { } translate) fields.Add(Field("Translate", $"[Machine translation]({Link(translate)})", 1024));
        if (card.AlsoReportedBy.Count > 0) fields.Add(Field("Also reported by", string.Join(", ", card.AlsoReportedBy.Select(DiscordMarkdown.Escape)), 1024));
        var embed = new JsonObject
        {
            ["type"] = "rich",
            ["title"] = ChatText.Truncate(ChatText.Defuse(card.Title), 256),
            ["color"] = Color(card.Severity),
            ["fields"] = fields,
            ["footer"] = new JsonObject { ["text"] = $"BorderAlerts · alert {card.AlertId}" },
        };
        if (card.Url is { Scheme: "http" or "https" } url) embed["url"] = url.AbsoluteUri;
        if (card.PublishedUtc is { } published) embed["timestamp"] = published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        return embed;
    }

    static JsonObject Field(string name, string value, int max) =>
        new() { ["name"] = name, ["value"] = ChatText.Truncate(value.Length == 0 ? "—" : value, Math.Min(1024, max)), ["inline"] = max <= 256 };

    public static string Published(AlertCard card)
    {
        if (card.PublishedUtc is not { } utc) return "not given by the source";
        var text = $"{utc:yyyy-MM-dd HH:mm} UTC";
        if (card.PublishedLocal is { } local && local.Offset != TimeSpan.Zero) text += $" · {local:yyyy-MM-dd HH:mm} local (UTC{local:zzz})";
        return text;
    }

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
