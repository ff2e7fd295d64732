using System.Security.Cryptography;
using System.Text;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Envelopes Socket Mode has already handed on, so one Slack re-sends (<c>retry_attempt</c> &gt; 0, after an ack it did
/// not see in time, possibly on the next connection, or on another instance's connection) is acknowledged again but not
/// run again: a command that adds a rule must not add it twice. Keyed by the payload's trigger_id (unique per
/// invocation, the same on a re-send) or, without one, the envelope id. This process remembers the last
/// <see cref="Capacity"/> keys; with a store shared by several instances, a key is also recorded there for
/// <see cref="Life"/>, so a re-send to another instance's socket is recognised too.
/// </summary>
public sealed class SlackRedeliveries(ISeenRequests? shared = null, TimeProvider? clock = null)
{
    const int Capacity = 2048;

    /// <summary>Slack re-sends within minutes; an invocation's response_url lives 30, so its key is kept that long.</summary>
    public static readonly TimeSpan Life = TimeSpan.FromMinutes(30);

    readonly Lock gate = new();
    readonly HashSet<string> seen = new(StringComparer.Ordinal);
    readonly Queue<string> order = new();

    /// <summary>True the first time a key is offered to any instance sharing the store; false for a redelivery.</summary>
    public async Task<bool> FirstDeliveryAsync(string key, CancellationToken cancellationToken)
    {
        if (!FirstHere(key)) return false;
        if (shared is null) return true;
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return await shared.FirstSeenAsync(SHA256.HashData(Encoding.UTF8.GetBytes("slack-socket\n" + key)), now + Life, now, cancellationToken);
    }

    bool FirstHere(string key)
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
