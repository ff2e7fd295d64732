using System.Collections.Concurrent;

namespace BorderAlerts.Core.Delivery;

public enum FloodDecision { Cards, Hold, Digest }

/// <summary>
/// Counts cards per (destination, rule) in a sliding window. A rule that goes past its budget sends what is waiting as
/// one digest (saying so) and then holds its alerts, sending them as a digest once per window, until a window ends
/// with the rule back under budget.
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
            if (window.DigestUntil is { } until)
            {
                if (now < until) return (FloodDecision.Hold, until);
                window.DigestUntil = waiting > options.FloodBudget ? now + options.FloodWindow : null;
                return (FloodDecision.Digest, now);
            }
            if (window.Sent.Count + waiting <= options.FloodBudget) return (FloodDecision.Cards, now);
            window.DigestUntil = now + options.FloodWindow;
            return (FloodDecision.Digest, now);
        }
    }

    public void Sent(string destination, string rule, int cards, DateTimeOffset now)
    {
        var window = _windows.GetOrAdd((destination, rule), _ => new Window());
        lock (window) for (int i = 0; i < cards; i++) window.Sent.Enqueue(now);
    }
}
