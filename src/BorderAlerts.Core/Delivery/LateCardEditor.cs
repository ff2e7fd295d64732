using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Edits a sent message when a translation for one of its cards comes after the card went without it. The whole message
/// is rendered again, by the destination's own sink as a send renders it, from the outbox entries sent in it, each card
/// with the translations kept now (several cards, several late translations: each edit shows all that are kept). Only
/// where the platform allows it (<see cref="IEditableSink"/>): a Slack incoming webhook is left as it is, a digest too.
/// An edit is asked for only once its message's send is recorded, so it cannot race the send. A failed edit is logged
/// once and dropped: it blocks no delivery, dead-letters nothing and tells no one. Edits go one at a time, so an older
/// rendering never lands over a newer one; disposing cancels those waiting.
/// </summary>
public sealed class LateCardEditor(ISentMessages sent, IDestinations destinations, CardFactory cards, CardTranslator translator,
    ILogger<LateCardEditor> log) : IDisposable
{
    readonly SemaphoreSlim _oneAtATime = new(1, 1);
    readonly CancellationTokenSource _stopping = new();

    /// <summary>Edits <paramref name="message"/> in the background each time one of <paramref name="late"/> brings a translation.</summary>
    public void EditWhenTranslated(SentMessage message, IEnumerable<Task<CardTranslation?>> late)
    {
        if (destinations.Find(message.Destination) is not IEditableSink sink || !sink.CanEdit(message.Kind)) return;
        foreach (var answer in late.Distinct()) _ = EditAfterAsync(message, sink, answer);
    }

    async Task EditAfterAsync(SentMessage message, IEditableSink sink, Task<CardTranslation?> answer)
    {
        try
        {
            if (await answer is null) return;
            await _oneAtATime.WaitAsync(_stopping.Token);
            try { await EditAsync(message, sink, _stopping.Token); }
            finally { _oneAtATime.Release(); }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError(e, "Message {MessageId} at {Destination} was not edited for its late translation", message.MessageId, message.Destination);
        }
    }

    async Task EditAsync(SentMessage message, IEditableSink sink, CancellationToken cancellationToken)
    {
        var entries = await sent.SentInAsync(message.Destination, message.MessageId, cancellationToken);
        if (entries.Count == 0) return;
        var built = new List<AlertCard>();
        foreach (var entry in entries) built.Add(await translator.WithKeptAsync(cards.Build(entry.Alert), entry.Alert.ItemId, cancellationToken));
        ChatMessage content = message.Kind == DeliveryKind.Reply
            ? new ChatMessage.Reply(built[0], entries[0].ParentMessageId ?? message.MessageId, message.ThreadId)
            : new ChatMessage.Cards(built);
        var outcome = await sink.EditAsync(message, content, cancellationToken);
        if (outcome is DeliveryOutcome.Delivered)
            log.LogInformation("Edited message {MessageId} at {Destination}: a late translation", message.MessageId, message.Destination);
        else
            log.LogWarning("Message {MessageId} at {Destination} was not edited for its late translation ({Outcome}); the edit is dropped",
                message.MessageId, message.Destination, outcome);
    }

    public void Dispose() => _stopping.Cancel();
}
