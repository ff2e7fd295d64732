using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>chat.postMessage to a channel with a bot token; later reports of a story go into the card's thread (thread_ts).</summary>
public sealed class SlackBotSink(Uri apiBase, string channel, string token, SlackClient client) : IChatSink
{
    public int MaxCardsPerMessage => SlackBlocks.CardsPerMessage;

    public async Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var (body, thread) = message switch
        {
            ChatMessage.Cards cards => (SlackBlocks.Cards(cards.Items, controls: true), null),
            ChatMessage.Reply reply => (SlackBlocks.Cards([reply.Card with { Mention = null }], controls: true), reply.ThreadId ?? reply.ParentMessageId),
            ChatMessage.Digest digest => (SlackBlocks.Digest(digest), null),
            ChatMessage.Notice notice => (SlackBlocks.Notice(notice.Text), (string?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        body["channel"] = channel;
        if (thread is not null) body["thread_ts"] = thread;
        var outcome = await client.PostAsync(new Uri(apiBase.ToString().TrimEnd('/') + "/chat.postMessage"), body, "channel:" + channel, token, cancellationToken);
        return outcome is DeliveryOutcome.Delivered ok && thread is not null ? ok with { ThreadId = thread } : outcome;
    }
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
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        return client.PostAsync(webhook, body, _pacing, null, cancellationToken);
    }
}
