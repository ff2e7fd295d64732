using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// The polls of one pass and their group commit: at most Parallelism polls fetch at once, and their results are
/// recorded together, one store transaction for up to GroupSize polls instead of one each. A group is written when it
/// is full, when no poll of the pass is still fetching (nothing more is coming soon), or GroupDelay after its first
/// result (a slow fetch does not hold the others back). If a group's transaction fails, each poll in it is written
/// alone, so one bad poll cannot lose the others' work; a poll that fails alone fails its caller, and its lease expires.
/// Every poll that starts must queue its result exactly once (FeedPoller records every outcome).
/// </summary>
public sealed class PollGroup(IPollStore store, TimeProvider clock, PollRunnerOptions options)
{
    sealed record Queued(PollCompletion Completion, TaskCompletionSource<PollCommit> Done);

    readonly SemaphoreSlim _slots = new(options.Parallelism);
    readonly Lock _gate = new();
    List<Queued> _queued = [];
    int _fetching;
    int _group;

    /// <summary>Waits for a fetch slot; the poll holds it until its result is queued.</summary>
    public async Task StartAsync()
    {
        await _slots.WaitAsync();
        lock (_gate) _fetching++;
    }

    /// <summary>Queues a poll's result; completes when its group has been committed (or has failed).</summary>
    public Task<PollCommit> CompleteAsync(PollCompletion completion)
    {
        var queued = new Queued(completion, new TaskCompletionSource<PollCommit>(TaskCreationOptions.RunContinuationsAsynchronously));
        List<Queued>? ready = null;
        int? opened = null;
        lock (_gate)
        {
            _fetching--;
            _queued.Add(queued);
            if (_queued.Count >= options.GroupSize || _fetching <= 0) ready = Take();
            else if (_queued.Count == 1) opened = _group;
        }
        _slots.Release();
        if (ready is not null) _ = WriteAsync(ready);
        else if (opened is { } group) _ = WriteLaterAsync(group);
        return queued.Done.Task;
    }

    List<Queued> Take()
    {
        var taken = _queued;
        _queued = [];
        _group++;
        return taken;
    }

    async Task WriteLaterAsync(int group)
    {
        await Task.Delay(options.GroupDelay, clock);
        List<Queued>? ready = null;
        lock (_gate) if (_group == group && _queued.Count > 0) ready = Take();
        if (ready is not null) await WriteAsync(ready);
    }

    async Task WriteAsync(List<Queued> group)
    {
        try
        {
            var commits = await store.CompleteAsync([.. group.Select(q => q.Completion)], CancellationToken.None);
            for (int i = 0; i < group.Count; i++) group[i].Done.SetResult(commits[i]);
        }
        catch (Exception) when (group.Count > 1)
        {
            // The bad poll's error reaches its own caller when it is written alone below.
            foreach (var queued in group) await WriteAsync([queued]);
        }
        catch (Exception e)
        {
            group[0].Done.SetException(e);
        }
    }
}
