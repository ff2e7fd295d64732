using BorderAlerts.Core.Delivery;
using BorderAlerts.Hosting;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Jobs;

/// <summary>Delivers what the outbox holds that is due, every Delivery:TickSeconds.</summary>
public sealed class DeliveryLoop(DeliveryRunner runner, IOptions<BorderAlertsOptions> settings, TimeProvider clock, ILogger<DeliveryLoop> log)
    : PassLoop(TimeSpan.FromSeconds(settings.Value.Delivery.TickSeconds is > 0 and var s ? s : 2), clock, log)
{
    protected override Task RunPassAsync(CancellationToken stopping) => runner.RunAsync(stopping);
}
