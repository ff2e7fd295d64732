using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// chat.postMessage to a channel with a bot token; later reports of a story go into the card's thread (thread_ts). Its
/// messages can be edited with chat.update (channel and ts).
/// </summary>
public sealed class SlackBotSink(Uri apiBase, string channel, string token, SlackClient client) : IChatSink, IEditableSink
{
    public int MaxCardsPerMessage => SlackBlocks.CardsPerMessage;

    public async Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        if (message is ChatMessage.Report { Content.Image: { } image } report)
            return await new SlackFileUpload(apiBase, channel, token, client).PostAsync(report.Content, image, cancellationToken);
        var (body, thread) = Render(message);
        body["channel"] = channel;
        if (thread is not null) body["thread_ts"] = thread;
        var outcome = await client.PostAsync(Method("chat.postMessage"), body, "channel:" + channel, token, cancellationToken);
        return outcome is DeliveryOutcome.Delivered ok && thread is not null ? ok with { ThreadId = thread } : outcome;
    }

    public bool CanEdit(DeliveryKind kind) => true;

    /// <summary>chat.update of the message's ts; paced apart from posting, so an edit never holds a card back.</summary>
    public Task<DeliveryOutcome> EditAsync(SentMessage sent, ChatMessage message, CancellationToken cancellationToken)
    {
        var body = Render(message).Body;
        body["channel"] = channel;
        body["ts"] = sent.MessageId;
        return client.PostAsync(Method("chat.update"), body, "update:" + channel, token, cancellationToken);
    }

    /// <summary>The body a message is posted with, and the thread it goes to: the one rendering for sends and edits.</summary>
    static (JsonObject Body, string? Thread) Render(ChatMessage message) => message switch
    {
        ChatMessage.Cards cards => (SlackBlocks.Cards(cards.Items, controls: true), null),
        ChatMessage.Reply reply => (SlackBlocks.Cards([reply.Card with { Mention = null }], controls: true), reply.ThreadId ?? reply.ParentMessageId),
        ChatMessage.Digest digest => (SlackBlocks.Digest(digest), null),
        ChatMessage.Notice notice => (SlackBlocks.Notice(notice.Text), null),
        ChatMessage.Report report => (SlackReports.Message(report.Content), null),
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    Uri Method(string name) => new(apiBase.ToString().TrimEnd('/') + "/" + name);
}

/// <summary>A Slack incoming webhook: fixed channel, no threads, plain-text answers.</summary>
public sealed class SlackWebhookSink(Uri webhook, SlackClient client) : IChatSink
{
    readonly string _pacing = "webhook:" + webhook.AbsolutePath.GetHashCode();

    public int MaxCardsPerMessage => SlackBlocks.CardsPerMessage;

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        JsonObject body = message switch
        {
            ChatMessage.Cards cards => SlackBlocks.Cards(cards.Items),
            ChatMessage.Reply reply => SlackBlocks.AlsoReported(reply.Card),
            ChatMessage.Digest digest => SlackBlocks.Digest(digest),
            ChatMessage.Notice notice => SlackBlocks.Notice(notice.Text),
            ChatMessage.Report report => SlackReports.Message(report.Content,
                report.Content.Image is null ? null : "chart not attached: a Slack webhook cannot upload files (use a bot destination)"),
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        return client.PostAsync(webhook, body, _pacing, null, cancellationToken);
    }
}
