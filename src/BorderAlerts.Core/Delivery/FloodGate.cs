using System.Collections.Concurrent;

namespace BorderAlerts.Core.Delivery;

public enum FloodDecision { Cards, Hold, Digest }

/// <summary>
/// Counts cards per (destination, rule) in a sliding window. A rule that goes past its budget sends what is waiting as
/// one digest (saying so) and then holds its alerts, sending them as a digest once per window, until a window ends
/// with the rule back under budget. The digest rhythm starts when a digest is actually sent: one the platform turned
/// away (a 429, an outage) is retried when the platform allows, not held for the window.
/// </summary>
public sealed class FloodGate(DeliveryOptions options)
{
    readonly ConcurrentDictionary<(string, string), Window> _windows = new();

    sealed class Window
    {
        public readonly Queue<DateTimeOffset> Sent = new();
        public DateTimeOffset? DigestUntil;
    }

    public (FloodDecision Decision, DateTimeOffset Until) Decide(string destination, string rule, int waiting, DateTimeOffset now)
    {
        if (options.FloodBudget <= 0) return (FloodDecision.Cards, now);
        var window = _windows.GetOrAdd((destination, rule), _ => new Window());
        lock (window)
        {
            while (window.Sent.Count > 0 && window.Sent.Peek() < now - options.FloodWindow) window.Sent.Dequeue();
            if (window.DigestUntil is { } until) return now < until ? (FloodDecision.Hold, until) : (FloodDecision.Digest, now);
            return window.Sent.Count + waiting <= options.FloodBudget ? (FloodDecision.Cards, now) : (FloodDecision.Digest, now);
        }
    }

    public void Sent(string destination, string rule, int cards, DateTimeOffset now)
    {
        var window = _windows.GetOrAdd((destination, rule), _ => new Window());
        lock (window) for (int i = 0; i < cards; i++) window.Sent.Enqueue(now);
    }

    /// <summary>
    /// A digest of <paramref name="waiting"/> alerts went out: the first of a flood opens the digest rhythm; a due one
    /// keeps it while the rule is still over budget, and ends it when the rule has calmed down. Later parts of the same
    /// digest (long digests go in several messages) change nothing.
    /// </summary>
    public void DigestSent(string destination, string rule, int waiting, DateTimeOffset now)
    {
        var window = _windows.GetOrAdd((destination, rule), _ => new Window());
        lock (window)
        {
            if (window.DigestUntil is { } until && until > now) return;
            window.DigestUntil = window.DigestUntil is null || waiting > options.FloodBudget ? now + options.FloodWindow : null;
        }
    }
}
