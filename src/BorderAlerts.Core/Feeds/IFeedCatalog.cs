namespace BorderAlerts.Core.Feeds;

/// <summary>The configured sources. Version changes whenever the set changes, so the store syncs only then.</summary>
public interface IFeedCatalog
{
    (IReadOnlyList<FeedDefinition> Feeds, int Version) Current();
}
