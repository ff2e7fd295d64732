namespace BorderAlerts.Core.Feeds;

/// <summary>
/// What a feeds.yaml entry gets where it says nothing (settings <c>Polling:DefaultEvery</c>, <c>AutoMin</c>, <c>AutoMax</c>):
/// without <c>every:</c>, the fixed <see cref="Every"/>, or <c>every: auto</c> when it is null; and <c>every: auto</c>
/// without <c>min:</c>/<c>max:</c> polls within <see cref="Bounds"/>.
/// </summary>
public sealed record FeedDefaults(TimeSpan? Every, AdaptiveBounds Bounds)
{
    /// <summary>The interval of a fixed feed that gives none, and of an auto feed before its rhythm is known.</summary>
    public static readonly TimeSpan FixedEvery = TimeSpan.FromMinutes(10);
    public static readonly FeedDefaults Standard = new(FixedEvery, AdaptiveBounds.Default);
    public static readonly TimeSpan ShortestMin = TimeSpan.FromSeconds(30);
}
