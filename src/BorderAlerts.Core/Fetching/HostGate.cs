using System.Collections.Concurrent;

namespace BorderAlerts.Core.Fetching;

/// <summary>Caps simultaneous requests per host, so a burst of due feeds on one site stays polite.</summary>
public sealed class HostGate(int perHost)
{
    readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(host, _ => new SemaphoreSlim(Math.Max(1, perHost)));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release(); }
    }
}
