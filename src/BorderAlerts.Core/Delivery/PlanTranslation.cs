namespace BorderAlerts.Core.Delivery;

/// <summary>A destination's messages with translations on, and per outbox entry the translation still to come for its card.</summary>
public sealed record TranslatedMessages(List<(ChatMessage Message, List<OutboxEntry> Batch)> Messages, IReadOnlyDictionary<long, Task<CardTranslation?>> Late);

/// <summary>
/// Puts translations on a destination's planned messages, all at once so they wait at most <see cref="CardTranslator.Wait"/>
/// together: each card (and reply) its own, title and summary; a digest its lines' titles, in one request. Requests for
/// the same item at several destinations are one request (<see cref="TranslationRequests"/>).
/// </summary>
public static class PlanTranslation
{
    public static async Task<TranslatedMessages> TranslateAsync(CardTranslator translator, List<(ChatMessage Message, List<OutboxEntry> Batch)> messages,
        Func<string, Task> notify, CancellationToken cancellationToken)
    {
        var late = new System.Collections.Concurrent.ConcurrentDictionary<long, Task<CardTranslation?>>();
        async Task<AlertCard> Card(AlertCard card, OutboxEntry entry)
        {
            var translated = await translator.TranslateAsync(card, entry.Alert.ItemId, notify, cancellationToken);
            if (translated.Late is { } answer) late[entry.Id] = answer;
            return translated.Card;
        }
        var done = await Task.WhenAll(messages.Select(async m => (m.Message switch
        {
            ChatMessage.Cards cards => new ChatMessage.Cards(await Task.WhenAll(cards.Items.Select((card, i) => Card(card, m.Batch[i])))),
            ChatMessage.Reply reply => reply with { Card = await Card(reply.Card, m.Batch[0]) },
            ChatMessage.Digest digest => digest with
            {
                Items = await translator.TitlesAsync(digest.Items, [.. m.Batch.Select(e => e.Alert.ItemId)], notify, cancellationToken),
            },
            var other => other,
        }, m.Batch)));
        return new TranslatedMessages([.. done], late);
    }
}
