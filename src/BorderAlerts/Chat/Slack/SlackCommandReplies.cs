using BorderAlerts.Core.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Commands;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// A <see cref="CommandReply"/> as a Slack message (docs/platform-contracts.md §S1, §S5): ephemeral, text escaped so nothing in it can
/// mention anyone, each search hit a section with its link and summary, a "More results" button when there are more.
/// </summary>
public static class SlackCommandReplies
{
    const int MaxSectionText = 3000, MaxButtonValue = 2000;

    public static JsonObject Message(CommandReply reply, bool replaceOriginal = false)
    {
        var text = ChatText.PerLine(reply.IsError ? ":warning: " + reply.Text : reply.Text, SlackMrkdwn.Escape);
        var blocks = new JsonArray(Section(TextCut.Truncate(text, MaxSectionText)));
        foreach (var hit in reply.Hits ?? [])
        {
            var card = SearchCard.From(hit);
            var title = card.Link is { } link ? SlackMrkdwn.Link(link, TextCut.Truncate(card.Title, 200)) : SlackMrkdwn.Escape(TextCut.Truncate(card.Title, 200));
            blocks.Add(Section($"*{title}*\n{SlackMrkdwn.Bold(card.Summary, card.Highlights, 350)}"));
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(SlackMrkdwn.Escape(card.Footer))) });
        }
        if (reply.Next is { } next && SearchPaging.Encode(next, MaxButtonValue) is { } value)
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["type"] = "button", ["action_id"] = "search-more", ["value"] = value,
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "More results" },
                }),
            });
        var message = new JsonObject { ["response_type"] = "ephemeral", ["text"] = TextCut.Truncate(text, MaxSectionText), ["blocks"] = blocks };
        if (replaceOriginal) message["replace_original"] = true;
        return message;
    }

    static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };

    static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
