using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Rules;

/// <summary>Receives alerts once they are stored. The console until chat delivery lands; then the outbox.</summary>
public interface IAlertNotifier
{
    Task NotifyAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken);
}
