using BorderAlerts.Settings;
using BorderAlerts.Core.Delivery;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Jobs;

/// <summary>
/// Delivers what the outbox holds that is due, every Delivery:TickSeconds. An empty outbox is the usual state and each
/// empty claim is a database transaction, so after passes that send nothing the loop rests longer, doubling up to
/// <see cref="IdleRest"/>. Alerts this instance's polls queue wake it at once; what is left for it otherwise (a dead
/// instance's deliveries, a retry that fell due) waits at most IdleRest more.
/// </summary>
public sealed class DeliveryLoop(DeliveryRunner runner, DeliveryWakeup wakeup, IOptions<DeliverySettings> settings, TimeProvider clock,
    ILogger<DeliveryLoop> log) : PassLoop(TimeSpan.FromSeconds(settings.Value.TickSeconds is > 0 and var s ? s : 2), clock, log)
{
    public static readonly TimeSpan IdleRest = TimeSpan.FromSeconds(16);

    int _idlePasses;
    Task _woken = Task.CompletedTask;

    protected override async Task RunPassAsync(CancellationToken stopping)
    {
        _woken = wakeup.Next;
        _idlePasses = await runner.RunAsync(stopping) > 0 ? 0 : Math.Min(_idlePasses + 1, 8);
    }

    protected override async Task RestAsync(TimeSpan wait, CancellationToken stopping)
    {
        var rest = TimeSpan.FromTicks(Math.Min(IdleRest.Ticks, wait.Ticks << _idlePasses));
        await Task.WhenAny(_woken, Task.Delay(rest, Clock, stopping));
        stopping.ThrowIfCancellationRequested();
    }
}
