using BorderAlerts.Core.Storage;

namespace BorderAlerts.Jobs;

/// <summary>This process as the instances table knows it; it leaves the table when the service stops.</summary>
public sealed class ThisInstance(IInstanceHeartbeats heartbeats, TimeProvider clock) : IHostedService
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Leaving at once lets the other instances take the whole of what is due at their next pass.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => heartbeats.LeaveAsync(Id, cancellationToken);
}
