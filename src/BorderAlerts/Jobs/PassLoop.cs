namespace BorderAlerts.Jobs;

/// <summary>
/// Runs one kind of pass (polling, delivery) on this instance: at start, then every tick, never two at once. Every
/// instance runs its own loop; the store's claims (FOR UPDATE SKIP LOCKED with leases) decide who does which feed or
/// alert, so instances share the work concurrently instead of taking turns (ADR 0005). Each wait is the tick ±20 % at
/// random, so instances started together drift apart and take turns claiming. A pass that fails (the database went
/// away, say) is logged and the next tick tries again: the loop ends only when the service stops, after the running
/// pass has finished and recorded what it claimed.
/// </summary>
public abstract class PassLoop(TimeSpan tick, TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected abstract Task RunPassAsync(CancellationToken stopping);

    /// <summary>Waits for the next pass: <paramref name="wait"/> (the rest of the tick) unless a loop knows better.</summary>
    protected virtual Task RestAsync(TimeSpan wait, CancellationToken stopping) => Task.Delay(wait, clock, stopping);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await Task.Yield(); // let the host finish starting
        while (!stopping.IsCancellationRequested)
        {
            var started = clock.GetUtcNow();
            try { await RunPassAsync(stopping); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogError(e, "{Pass} pass failed; trying again next tick", GetType().Name); }
            var wait = tick * (0.8 + 0.4 * Random.Shared.NextDouble()) - (clock.GetUtcNow() - started);
            try { await RestAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }
}
