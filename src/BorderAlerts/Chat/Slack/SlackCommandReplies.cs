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

    /// <summary>
    /// The answer to a card's button, sent to response_url: a private message of its own that leaves the card alone;
    /// "Relevant after all" replaces the private message it is on.
    /// </summary>
    public static JsonObject Pressed(CommandReply reply, FeedbackButton press)
    {
        var message = Message(reply, replaceOriginal: press.Action == FeedbackAction.Relevant);
        if (press.Action != FeedbackAction.Relevant) message["replace_original"] = false;
        return message;
    }

    public static JsonObject Message(CommandReply reply, bool replaceOriginal = false)
    {
        var text = ChatText.PerLine(reply.IsError ? ":warning: " + reply.Text : reply.Text, SlackMrkdwn.Escape);
        var blocks = new JsonArray(Section(TextCut.Truncate(text, MaxSectionText)));
        if (reply.Link is { } replyLink) blocks.Add(Section(SlackMrkdwn.Link(replyLink.Url, replyLink.Label)));
        foreach (var hit in reply.Hits ?? [])
        {
            var card = SearchCard.From(hit);
            var title = card.Link is { } link ? SlackMrkdwn.Link(link, TextCut.Truncate(card.Title, 200)) : SlackMrkdwn.Escape(TextCut.Truncate(card.Title, 200));
            blocks.Add(Section($"*{title}*\n{SlackMrkdwn.Bold(card.Summary, card.Highlights, 350)}"));
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(SlackMrkdwn.Escape(card.Footer))) });
        }
        var buttons = reply.Buttons.Select((b, i) => SlackButtons.Button(b.Label, $"reply-{i}", b.Id)).ToList();
        if (reply.Next is { } next && SearchPaging.Encode(next, MaxButtonValue) is { } value) buttons.Add(SlackButtons.Button("More results", "search-more", value));
        if (buttons.Count > 0) blocks.Add(SlackButtons.Actions(null, buttons));
        var message = new JsonObject { ["response_type"] = "ephemeral", ["text"] = TextCut.Truncate(text, MaxSectionText), ["blocks"] = blocks };
        if (replaceOriginal) message["replace_original"] = true;
        return message;
    }

    static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };

    static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
