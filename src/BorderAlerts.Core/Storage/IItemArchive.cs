namespace BorderAlerts.Core.Storage;

/// <summary>A stored item as backtests and search read it.</summary>
public sealed record ArchivedItem(long Id, string FeedId, string Title, string Text, string? Language, Uri? Link,
    DateTimeOffset? Published, DateTimeOffset FirstSeen, bool Alertable)
{
    /// <summary>
    /// When the item appeared: its published time when the source gives one (never later than our first sighting, so a
    /// wrong time zone cannot date it in the future), else the first sighting. `since:` and backtest windows count from it;
    /// the stores' SQL says the same as min(coalesce(published_at, first_seen_at), first_seen_at).
    /// </summary>
    public DateTimeOffset Dated => Published is { } p && p < FirstSeen ? p : FirstSeen;
}

/// <summary>Read side of the item store.</summary>
public interface IItemArchive
{
    /// <summary>Items <see cref="ArchivedItem.Dated"/> at or after <paramref name="since"/>, oldest first sighting first, streamed.</summary>
    IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
