using System.Collections.Concurrent;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Admin notices raised while a delivery pass builds its cards (a translator outage), held until the pass's cards have
/// gone, so a slow admin destination never holds a card back. A notice raised after that (a translation that went on
/// past its card's wait) goes straight through.
/// </summary>
public sealed class PassNotices(Func<string, Task> send)
{
    readonly ConcurrentQueue<string> _held = new();
    readonly Lock _gate = new();
    bool _flushed;

    public Task NotifyAsync(string notice)
    {
        lock (_gate)
        {
            if (!_flushed)
            {
                _held.Enqueue(notice);
                return Task.CompletedTask;
            }
        }
        return send(notice);
    }

    /// <summary>Sends what was held, in order; from now on notices go straight through.</summary>
    public async Task FlushAsync()
    {
        lock (_gate) _flushed = true;
        while (_held.TryDequeue(out var notice)) await send(notice);
    }
}
