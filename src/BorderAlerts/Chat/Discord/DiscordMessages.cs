using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>Message bodies for each kind of chat message. Mentions are allowed only for a mention set in settings.</summary>
public static class DiscordMessages
{
    const int SuppressNotifications = 1 << 12;

    /// <param name="controls">The bot's own messages carry feedback controls; webhooks we do not own cannot.</param>
    public static JsonObject Cards(IReadOnlyList<AlertCard> cards, bool controls = false)
    {
        var body = new JsonObject { ["embeds"] = DiscordEmbeds.Render(cards) };
        if (controls && DiscordCardControls.For(cards) is { Count: > 0 } rows) body["components"] = rows;
        var mention = cards.Select(c => c.Mention).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
        body["allowed_mentions"] = AllowedMentions(mention);
        if (mention is not null) body["content"] = mention;
        return body;
    }

    /// <summary>A later report of a carded story: one quiet line, not a new card, with the story's count of outlets.</summary>
    public static JsonObject AlsoReported(AlertCard card) => new()
    {
        ["content"] = TextCut.Truncate($"↳ Also reported by **{DiscordMarkdown.Escape(card.SourceName)}**" +
            (card.Story is { } story ? $" ({story})" : "") + ": " +
            (card.Url is { } url ? $"[{DiscordMarkdown.Escape(TextCut.Truncate(card.Title, 300))}](<{DiscordEmbeds.Link(url)}>)" : DiscordMarkdown.Escape(card.Title)), 2000),
        ["flags"] = SuppressNotifications,
        ["allowed_mentions"] = AllowedMentions(null),
    };

    /// <summary>One line per alert, its machine-translated title under it where there is one; as many lines as fit.</summary>
    public static JsonObject Digest(ChatMessage.Digest digest)
    {
        var lines = ChatText.FitLines(digest.Items.Select(card => "• " + (card.Url is { } url
            ? $"[{DiscordMarkdown.Escape(TextCut.Truncate(card.Title, card.Translation is null ? 200 : 100))}]({DiscordEmbeds.Link(url)})"
            : DiscordMarkdown.Escape(card.Title)) + $" — {DiscordMarkdown.Escape(card.SourceName)}" +
            (card.Translation is { } translation ? $"\n  ↳ _Machine translation:_ {DiscordMarkdown.Escape(TextCut.Truncate(translation.Title, 150))}" : "")).ToList(), 3900);
        var embed = new JsonObject
        {
            ["type"] = "rich",
            ["title"] = TextCut.Truncate($"Digest: {ChatText.Defuse(digest.RuleName)} ({digest.Items.Count} alerts)", 256),
            ["description"] = lines,
            ["color"] = DiscordEmbeds.Color(digest.Items.Max(c => c.Severity)),
            ["footer"] = new JsonObject { ["text"] = TextCut.Truncate(digest.Note, 2048) },
        };
        return new JsonObject { ["embeds"] = new JsonArray(embed), ["allowed_mentions"] = AllowedMentions(null) };
    }

    public static JsonObject Notice(string text) => new()
    {
        ["content"] = TextCut.Truncate("⚠️ " + DiscordMarkdown.Escape(text), 2000),
        ["allowed_mentions"] = AllowedMentions(null),
    };

    /// <summary>Nothing may ping except the one mention settings chose: "@here"/"@everyone", or a role as &lt;@&amp;id&gt;.</summary>
    static JsonObject AllowedMentions(string? mention)
    {
        var allowed = new JsonObject { ["parse"] = new JsonArray() };
        if (mention is "@here" or "@everyone") allowed["parse"] = new JsonArray("everyone");
        else if (mention is { Length: > 4 } && mention.StartsWith("<@&") && mention.EndsWith('>')) allowed["roles"] = new JsonArray(mention[3..^1]);
        return allowed;
    }
}
