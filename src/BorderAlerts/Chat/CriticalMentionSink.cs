using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Chat;

/// <summary>Adds the destination's configured mention to critical cards. The mention comes from settings, never from feed text.</summary>
public sealed class CriticalMentionSink(IChatSink inner, string mention) : IChatSink
{
    public int MaxCardsPerMessage => inner.MaxCardsPerMessage;

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken) =>
        inner.SendAsync(message is ChatMessage.Cards cards
            ? new ChatMessage.Cards(cards.Items.Select(c => c.Severity == Severity.Critical ? c with { Mention = mention } : c).ToList())
            : message, cancellationToken);
}
