using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Commands;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// A <see cref="CommandReply"/> as Discord message data (docs/platform-contracts.md §D4d): ephemeral, no mentions
/// parsed, text escaped line by line and cut to 2,000 characters, search hits as up to five compact embeds, a "More
/// results" button when there are more, and the reply's own buttons.
/// </summary>
public static class DiscordCommandReplies
{
    const int Ephemeral = 64, MaxContent = 2000, MaxCustomId = 100;

    public static JsonObject Message(CommandReply reply)
    {
        var data = new JsonObject
        {
            ["content"] = TextCut.Truncate(ChatText.PerLine(reply.IsError ? "⚠️ " + reply.Text : reply.Text, DiscordMarkdown.Escape), MaxContent),
            ["flags"] = Ephemeral,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        if (reply.Hits is { Count: > 0 } hits)
            data["embeds"] = new JsonArray(hits.Take(10).Select(h => (JsonNode)Embed(SearchCard.From(h))).ToArray());
        var buttons = reply.Buttons.Where(b => b.Id.Length <= MaxCustomId).ToList();
        if (reply.Next is { } next && SearchPaging.Encode(next, MaxCustomId) is { } id) buttons.Add(new ReplyButton("More results", id));
        var row = buttons.Take(5).Select(Button).ToList();
        if (reply.Link is { } link) row.Insert(0, new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = TextCut.Truncate(link.Label, 80), ["url"] = link.Url.AbsoluteUri });
        data["components"] = row.Count == 0 ? new JsonArray()
            : new JsonArray(new JsonObject { ["type"] = 1, ["components"] = new JsonArray([.. row.Take(5)]) });
        return data;
    }

    static JsonNode Button(ReplyButton button) =>
        new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = TextCut.Truncate(button.Label, 80), ["custom_id"] = button.Id };

    static JsonObject Embed(SearchCard card)
    {
        var embed = new JsonObject
        {
            ["title"] = TextCut.Truncate(ChatText.Defuse(card.Title), 256),
            ["description"] = DiscordMarkdown.Bold(card.Summary, card.Highlights, 350),
            ["footer"] = new JsonObject { ["text"] = TextCut.Truncate(ChatText.Defuse(card.Footer), 200) },
        };
        if (card.Link is { } link) embed["url"] = link.AbsoluteUri;
        return embed;
    }
}
