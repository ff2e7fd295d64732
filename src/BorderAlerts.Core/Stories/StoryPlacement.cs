namespace BorderAlerts.Core.Stories;

/// <summary>
/// What a store needs to put an alerting item into a story inside its transaction: the keys to look recent stories up
/// by, the item's fingerprint to store with a story it starts, and the decision among the stories found (the store
/// runs SQL; the judge decides).
/// </summary>
public sealed class StoryPlacement(StoryFingerprint fingerprint, long[] keys, StoryJudge judge)
{
    /// <summary>How far back a re-report may join a story instead of starting one.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(3);

    public StoryFingerprint Fingerprint => fingerprint;
    public long[] Keys => keys;
    public byte[] StoredFingerprint => fingerprint.ToBytes();

    public static StoryPlacement Of(string feed, string? lang, string title, string text, DateTimeOffset? published, string[] concepts, StoryConcepts facets)
    {
        var day = published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : (DateOnly?)null;
        var fingerprint = StoryFingerprint.Of(feed, lang, title, text, facets.Describing(concepts), day);
        return new StoryPlacement(fingerprint, StoryKeys.Of(fingerprint, facets), new StoryJudge(facets));
    }

    /// <summary>The story among the stored candidates (id, stored fingerprint) that reports this item's event, or null for a new one.</summary>
    public long? Choose(IEnumerable<(long Id, byte[] Stored)> candidates) =>
        judge.Choose(fingerprint, candidates.Select(c => StoryFingerprint.FromBytes(c.Stored) is { } f ? new StoryCandidate(c.Id, f) : null)
            .OfType<StoryCandidate>());
}
