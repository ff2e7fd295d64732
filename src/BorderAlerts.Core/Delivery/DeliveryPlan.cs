namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Turns one destination's due entries into messages, in order: consecutive cards batched up to the platform's
/// limit, replies one by one, and the alerts of a flooding rule held for its digest, or sent as one when it is due.
/// A rule's story lines (replies) count towards its flood budget and go into its digest with its cards: a flood of
/// "also reported by" lines is a flood too.
/// </summary>
public sealed record DeliveryPlan(List<(ChatMessage Message, List<OutboxEntry> Batch)> Messages, List<OutboxEntry> Held, DateTimeOffset HeldUntil)
{
    public static DeliveryPlan Build(string destination, List<OutboxEntry> entries, int perMessage, Func<AlertSnapshot, AlertCard> card, FloodGate flood,
        DateTimeOffset now)
    {
        var messages = new List<(ChatMessage, List<OutboxEntry>)>();
        var held = new List<OutboxEntry>();
        var heldUntil = now;
        var digests = new Dictionary<string, List<OutboxEntry>>();
        foreach (var rule in entries.GroupBy(e => e.Alert.RuleId))
        {
            var (decision, until) = flood.Decide(destination, rule.Key, rule.Count(), now);
            if (decision == FloodDecision.Digest) digests[rule.Key] = rule.ToList();
            if (decision != FloodDecision.Hold) continue;
            held.AddRange(rule);
            if (until > heldUntil) heldUntil = until;
        }
        var batch = new List<OutboxEntry>();
        void Flush()
        {
            if (batch.Count == 0) return;
            messages.Add((new ChatMessage.Cards(batch.Select(e => card(e.Alert)).ToList()), batch));
            batch = [];
        }
        foreach (var entry in entries)
        {
            if (held.Contains(entry) || digests.ContainsKey(entry.Alert.RuleId)) continue;
            if (entry.Kind == DeliveryKind.Reply && entry.ParentMessageId is { } parent)
            {
                Flush();
                messages.Add((new ChatMessage.Reply(card(entry.Alert), parent, entry.ParentThreadId), [entry]));
                continue;
            }
            batch.Add(entry);
            if (batch.Count >= Math.Max(1, perMessage)) Flush();
        }
        Flush();
        foreach (var (rule, list) in digests)
            foreach (var chunk in list.Chunk(25))
                messages.Add((new ChatMessage.Digest(chunk[0].Alert.RuleName, chunk.Select(e => card(e.Alert)).ToList(),
                    $"Rule '{rule}' is busy: {list.Count} alerts held for this digest. Single cards resume when it calms down."), chunk.ToList()));
        return new DeliveryPlan(messages, held, heldUntil);
    }
}
