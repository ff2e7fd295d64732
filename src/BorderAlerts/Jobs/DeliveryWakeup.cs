namespace BorderAlerts.Jobs;

/// <summary>Rings when this instance's polls have queued alerts, so a resting delivery loop delivers them at once.</summary>
public sealed class DeliveryWakeup
{
    TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next ring; take it before a pass, so a ring during the pass is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Ring() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
