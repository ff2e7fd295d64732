using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// A group of polls recorded in the caller's transaction (group commit), one commit per poll in order: a poll whose
/// lease another poller has taken since is left out whole (<see cref="PollCommit.Lost"/>, no items, no health); a
/// fetched poll's items go through the store's item writer; every poll kept has its outcome written onto its feed row.
/// </summary>
internal static class PollGroup
{
    public static async Task<List<PollCommit>> RecordAsync(DbConnection connection, IReadOnlyList<PollCompletion> completions,
        Func<PollCompletion, Task<bool>> holdsLease, Func<PollCompletion, Task<PollCommit>> writeItems, CancellationToken cancellationToken)
    {
        var commits = new List<PollCommit>();
        foreach (var completion in completions)
        {
            if (!await holdsLease(completion)) { commits.Add(PollCommit.Lost); continue; }
            var commit = completion.Status.CarriesItems() ? await writeItems(completion) : new PollCommit([], 0);
            await FeedHealthWriter.RecordAsync(connection, completion, commit, cancellationToken);
            commits.Add(commit);
        }
        return commits;
    }
}
