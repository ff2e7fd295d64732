namespace BorderAlerts.Core.Storage;

/// <summary>A stored item as backtests and search read it.</summary>
public sealed record ArchivedItem(long Id, string FeedId, string Title, string Text, string? Language, Uri? Link,
    DateTimeOffset? Published, DateTimeOffset FirstSeen, bool Alertable);

/// <summary>Read side of the item store.</summary>
public interface IItemArchive
{
    /// <summary>Items first seen at or after <paramref name="since"/>, oldest first, streamed.</summary>
    IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
