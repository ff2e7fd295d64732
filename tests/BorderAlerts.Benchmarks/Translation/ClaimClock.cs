using System.Collections.Concurrent;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Benchmarks.Translation;

/// <summary>
/// When each card's outbox entry was first claimed, its slot (the how-manieth claim, and its place in it: the place
/// decides which message of the pass carries it), and when its item was first seen; by the card's marker.
/// </summary>
public sealed class ClaimClock
{
    readonly ConcurrentDictionary<string, Claim> _claims = new();
    int _claimsMade;

    public void Claimed(IReadOnlyList<OutboxEntry> entries, DateTimeOffset at)
    {
        if (entries.Count == 0) return;
        var claim = Interlocked.Increment(ref _claimsMade);
        for (int i = 0; i < entries.Count; i++)
            if (LoopbackStandIns.Marker().Match(entries[i].Alert.Title) is { Success: true } marker)
                _claims.TryAdd(marker.Value, new Claim(at, entries[i].Alert.FirstSeen, $"{claim}:{i}"));
    }

    public IReadOnlyDictionary<string, Claim> Claims => _claims;
}

public sealed record Claim(DateTimeOffset At, DateTimeOffset? FirstSeen, string Slot);

/// <summary>The real outbox store, noting the moment of each claim (measurement only).</summary>
public sealed class ClaimTimedOutbox(IOutboxStore inner, ClaimClock clock) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var entries = await inner.ClaimAsync(now, max, lease, cancellationToken);
        clock.Claimed(entries, DateTimeOffset.UtcNow);
        return entries;
    }

    public Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken) => inner.RecordAsync(record, cancellationToken);

    public Task<OutboxStats> StatsAsync(CancellationToken cancellationToken) => inner.StatsAsync(cancellationToken);
}
