using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>The feed catalog port, held in memory; adding or changing a feed bumps the version as a file edit would.</summary>
public sealed class InMemoryCatalog : IFeedCatalog
{
    readonly Lock _lock = new();
    readonly Dictionary<string, FeedDefinition> _feeds = new(StringComparer.Ordinal);
    int _version = 1;

    public void Upsert(IEnumerable<FeedDefinition> feeds)
    {
        lock (_lock)
        {
            foreach (var feed in feeds)
            {
                if (_feeds.TryGetValue(feed.Id, out var known) && known == feed) continue;
                _feeds[feed.Id] = feed;
                _version++;
            }
        }
    }

    public (IReadOnlyList<FeedDefinition> Feeds, int Version) Current()
    {
        lock (_lock) return ([.. _feeds.Values], _version);
    }
}
