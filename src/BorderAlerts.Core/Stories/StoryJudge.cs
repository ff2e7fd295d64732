namespace BorderAlerts.Core.Stories;

/// <summary>A recent story that shares a key with a new item: its id and the fingerprint of the item that started it.</summary>
public sealed record StoryCandidate(long Id, StoryFingerprint Fingerprint);

/// <summary>
/// Whether two alerting items report the same event, and so share one story (one card per destination, the rest as
/// "also reported by"). The rules, in order:
/// <list type="number">
/// <item>Items of one feed are one story only when one updates the other: nearly the same title, the same figures.</item>
/// <item>Items whose places, goods or agencies differ (a facet each names, with nothing in common) are different events.</item>
/// <item>In one script, items whose figures differ (both give some, none shared) are different events.</item>
/// <item>In one script, near-identical wording (a wire copy, a re-titled republish) is the same event.</item>
/// <item>Across scripts, or in other words, the same event names the same concepts, specific ones among them (a place,
///   goods, an agency), and shares a figure or most of its concepts.</item>
/// </list>
/// </summary>
public sealed class StoryJudge(StoryFacets facets)
{
    public const double UpdateTitle = 0.6, SameWordingTitle = 0.5, SameWordingBody = 0.4;
    public const double SameConcepts = 0.6, MostConcepts = 0.75;
    public const int MinSharedConcepts = 3;

    /// <summary>The candidate story the item belongs to (the most alike of those that report its event), or null.</summary>
    public long? Choose(StoryFingerprint item, IEnumerable<StoryCandidate> candidates)
    {
        (long Id, double Score)? best = null;
        foreach (var candidate in candidates)
        {
            if (!SameEvent(item, candidate.Fingerprint)) continue;
            var score = Likeness(item, candidate.Fingerprint);
            if (best is null || score > best.Value.Score) best = (candidate.Id, score);
        }
        return best?.Id;
    }

    public bool SameEvent(StoryFingerprint a, StoryFingerprint b)
    {
        bool sameScript = a.Script == b.Script;
        double title = sameScript ? Jaccard(a.Title, b.Title) : 0;
        if (a.Feed == b.Feed) return title >= UpdateTitle && !FiguresDiffer(a, b) && facets.Conflict(a.Concepts, b.Concepts) is null;
        if (facets.Conflict(a.Concepts, b.Concepts) is not null) return false;
        if (sameScript && FiguresDiffer(a, b)) return false;
        if (sameScript && (title >= SameWordingTitle || StorySignature.Similarity(Body(a), Body(b)) >= SameWordingBody)) return true;
        var shared = a.Concepts.Intersect(b.Concepts).ToList();
        if (shared.Count < MinSharedConcepts || !shared.Any(facets.IsSpecific)) return false;
        double concepts = (double)shared.Count / a.Concepts.Union(b.Concepts).Count();
        return concepts >= SameConcepts && (a.Numbers.Intersect(b.Numbers).Any() || concepts >= MostConcepts);
    }

    static double Likeness(StoryFingerprint a, StoryFingerprint b) =>
        a.Concepts.Intersect(b.Concepts).Count() / (double)Math.Max(1, a.Concepts.Union(b.Concepts).Count())
        + (a.Script == b.Script ? StorySignature.Similarity(Body(a), Body(b)) : 0);

    static bool FiguresDiffer(StoryFingerprint a, StoryFingerprint b) =>
        a.Numbers.Length > 0 && b.Numbers.Length > 0 && !a.Numbers.Intersect(b.Numbers).Any();

    static ulong[] Body(StoryFingerprint f) => StorySignature.FromBytes(f.Body);

    static double Jaccard(uint[] a, uint[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int shared = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }
}
