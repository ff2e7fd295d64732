using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Chat;

/// <summary>
/// Adds the destination's configured mention to critical cards, in sends and in edits alike. The mention comes from
/// settings, never from feed text.
/// </summary>
public sealed class CriticalMentionSink(IChatSink inner, string mention) : IChatSink, IEditableSink
{
    public int MaxCardsPerMessage => inner.MaxCardsPerMessage;

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken) => inner.SendAsync(Mentioned(message), cancellationToken);

    public bool CanEdit(DeliveryKind kind) => inner is IEditableSink editable && editable.CanEdit(kind);

    public Task<DeliveryOutcome> EditAsync(SentMessage sent, ChatMessage message, CancellationToken cancellationToken) =>
        ((IEditableSink)inner).EditAsync(sent, Mentioned(message), cancellationToken);

    ChatMessage Mentioned(ChatMessage message) => message is ChatMessage.Cards cards
        ? new ChatMessage.Cards(cards.Items.Select(c => c.Severity == Severity.Critical ? c with { Mention = mention } : c).ToList())
        : message;
}
