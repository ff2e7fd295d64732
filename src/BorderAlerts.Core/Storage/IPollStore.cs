using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Storage;

/// <summary>The store as the poller sees it. SQLite and PostgreSQL both serve it.</summary>
public interface IPollStore
{
    /// <summary>Registers configured feeds (new ones due at once) and disables rows no longer configured.</summary>
    Task SyncFeedsAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Leases feeds so that no other poller takes them until the lease ends.</summary>
    Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several polls' new items, sightings, evidence and health in one transaction and ends their leases (group
    /// commit). A poll whose lease another poller has taken since is left out: its commit is <see cref="PollCommit.Lost"/>.
    /// Returns one commit per completion, in order; if any poll cannot be stored, none is.
    /// </summary>
    Task<IReadOnlyList<PollCommit>> CompleteAsync(IReadOnlyList<PollCompletion> completions, CancellationToken cancellationToken);
}

public static class PollStoreExtensions
{
    /// <summary>One poll in a transaction of its own.</summary>
    public static async Task<PollCommit> CompleteAsync(this IPollStore store, PollCompletion completion, CancellationToken cancellationToken) =>
        (await store.CompleteAsync([completion], cancellationToken))[0];
}

/// <summary>Read side of feed health.</summary>
public interface IFeedHealthReader
{
    Task<IReadOnlyList<FeedHealth>> ListHealthAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
