using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// One firing of a job: never two at once (DisallowConcurrentExecution on each job), a failure (the database went away,
/// say) is logged and the next firing tries again. Shutdown cancels the work in flight, and the scheduler waits for the
/// job to finish recording what it claimed before the service stops.
/// </summary>
public abstract class PassJob(IHostApplicationLifetime lifetime, ILogger log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try { await RunAsync(context, stopping.Token); }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        catch (Exception e) { log.LogError(e, "{Job} failed; trying again at its next firing", GetType().Name); }
    }

    protected abstract Task RunAsync(IJobExecutionContext context, CancellationToken stopping);
}
