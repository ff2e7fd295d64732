namespace BorderAlerts.Core.Delivery;

/// <summary>A message as it went out: its destination, the platform's id for it (Discord id, Slack ts), the thread it is in.</summary>
/// <param name="Kind">A message of cards, or a reply under a story's card.</param>
public sealed record SentMessage(string Destination, string MessageId, string? ThreadId, DeliveryKind Kind);

/// <summary>A destination whose sent messages can be changed afterwards (Discord bot and webhook, Slack bot; not Slack webhooks).</summary>
public interface IEditableSink
{
    /// <summary>Whether a message of this kind shows cards worth editing (a webhook's reply is one line, no card).</summary>
    bool CanEdit(DeliveryKind kind);

    /// <summary>Replaces <paramref name="sent"/>'s content with <paramref name="message"/>, rendered as a send renders it.</summary>
    Task<DeliveryOutcome> EditAsync(SentMessage sent, ChatMessage message, CancellationToken cancellationToken);
}

/// <summary>The outbox read by message: what went out together, so an edit can render the whole message again.</summary>
public interface ISentMessages
{
    /// <summary>The deliveries sent to <paramref name="destination"/> in message <paramref name="messageId"/>, in the order they were sent.</summary>
    Task<IReadOnlyList<OutboxEntry>> SentInAsync(string destination, string messageId, CancellationToken cancellationToken);
}
