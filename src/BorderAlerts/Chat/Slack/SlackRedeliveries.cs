namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Envelopes Socket Mode has already handed on, so one Slack re-sends (<c>retry_attempt</c> &gt; 0, after an ack it did
/// not see in time, possibly on the next connection) is acknowledged again but not run again: a command that adds a
/// rule must not add it twice. Keyed by the payload's trigger_id (unique per invocation, the same on a re-send) or,
/// without one, the envelope id. Remembers the last <see cref="Capacity"/> keys across connections.
/// </summary>
public sealed class SlackRedeliveries
{
    const int Capacity = 2048;

    readonly Lock gate = new();
    readonly HashSet<string> seen = new(StringComparer.Ordinal);
    readonly Queue<string> order = new();

    /// <summary>True the first time a key is offered; false for a redelivery.</summary>
    public bool FirstDelivery(string key)
    {
        lock (gate)
        {
            if (!seen.Add(key)) return false;
            order.Enqueue(key);
            if (order.Count > Capacity) seen.Remove(order.Dequeue());
            return true;
        }
    }

    public static string KeyOf(SlackSocketMessage.Envelope envelope) =>
        envelope.Payload["trigger_id"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? trigger) && trigger.Length > 0
            ? $"trigger:{trigger}"
            : $"envelope:{envelope.EnvelopeId}";
}
