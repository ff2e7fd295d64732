using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Storage;

/// <summary>The store as the poller sees it. SQLite and PostgreSQL both serve it.</summary>
public interface IPollStore
{
    /// <summary>Registers configured feeds (new ones due at once) and disables rows no longer configured.</summary>
    Task SyncFeedsAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Leases feeds so that no other poller takes them until the lease ends.</summary>
    Task<IReadOnlyList<FeedState>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Stores new items, sightings, evidence and health in one transaction, and ends the lease.</summary>
    Task<PollCommit> CompleteAsync(PollCompletion completion, CancellationToken cancellationToken);
}

/// <summary>Read side of feed health.</summary>
public interface IFeedHealthReader
{
    Task<IReadOnlyList<FeedHealth>> ListHealthAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
