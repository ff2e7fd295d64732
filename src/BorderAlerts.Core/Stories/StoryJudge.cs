namespace BorderAlerts.Core.Stories;

/// <summary>A recent story that shares a key with a new item: its id and the fingerprint of the item that started it.</summary>
public sealed record StoryCandidate(long Id, StoryFingerprint Fingerprint);

/// <summary>
/// Whether two alerting items report the same event, and so share one story (one card per destination, the rest as
/// "also reported by"). The rules, in order:
/// <list type="number">
/// <item>Items published more than <see cref="Days"/> days apart are different events (a re-report follows within days).</item>
/// <item>Items of one feed are one story only when one updates the other: nearly the same title, no other figures.</item>
/// <item>Items whose places, goods or agencies differ (a facet each names, with nothing in common) are different events.</item>
/// <item>In one script, items whose amounts differ (each gives some above 31, none shared) are different events.</item>
/// <item>In one script, near-identical wording (a wire copy, a re-titled republish) is the same event.</item>
/// <item>In any script, the same event names the same concepts and shares a distinctive figure (a resolution number,
///   a tonnage, a count of people), or names the same place or goods and most of the same concepts.</item>
/// <item>Items published within the days above with no figure in common join when their specific concepts (a place,
///   goods, an agency, the kind of event: not the generic topic words of <c>stories.generic</c>) are mostly the same,
///   or when they name exactly the same two or more generic ones: a busy day of sanctions news stays several stories.</item>
/// </list>
/// Figures of 31 or less may be days of the month, so they never set items apart and count only two at a time.
/// </summary>
public sealed class StoryJudge(StoryConcepts facets)
{
    public const double UpdateTitle = 0.6, SameWordingTitle = 0.5, SameWordingBody = 0.4;
    public const double FigureConcepts = 0.4, SameConcepts = 0.6, RecentOverlap = 0.5;
    public const int MinSharedConcepts = 2, MinSharedWithoutFigure = 3, Days = 3;

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
        if (a.Day is { } da && b.Day is { } db && Math.Abs(da.DayNumber - db.DayNumber) > Days) return false;
        bool sameScript = a.Script == b.Script;
        double title = sameScript ? Jaccard(a.Title, b.Title) : 0;
        bool facetConflict = facets.Conflict(a.Concepts, b.Concepts) is not null;
        if (a.Feed == b.Feed) return title >= UpdateTitle && !AmountsDiffer(a, b) && !facetConflict;
        if (facetConflict || sameScript && AmountsDiffer(a, b)) return false;
        if (sameScript && (title >= SameWordingTitle || StorySignature.Similarity(Body(a), Body(b)) >= SameWordingBody)) return true;
        var shared = a.Concepts.Intersect(b.Concepts).ToList();
        if (shared.Count == 0) return false;
        if (a.Day is not null && b.Day is not null && RecentAndAlike(a, b, shared)) return true;
        if (shared.Count < MinSharedConcepts) return false;
        double concepts = (double)shared.Count / a.Concepts.Union(b.Concepts).Count();
        if (concepts >= FigureConcepts && SharesFigure(a, b)) return true;
        return concepts >= SameConcepts && shared.Count >= MinSharedWithoutFigure && shared.Any(facets.IsSpecific);
    }

    /// <summary>
    /// Published within the days checked above, and the specific concepts (not generic topic words) mostly the same:
    /// at least one shared, and half of the shorter list of them.
    /// </summary>
    bool RecentAndAlike(StoryFingerprint a, StoryFingerprint b, List<string> shared)
    {
        var sharedSpecific = shared.Count(c => !facets.IsGeneric(c));
        if (sharedSpecific == 0) return shared.Count >= MinSharedConcepts && shared.Count == a.Concepts.Length && shared.Count == b.Concepts.Length;
        int fewer = Math.Min(a.Concepts.Count(c => !facets.IsGeneric(c)), b.Concepts.Count(c => !facets.IsGeneric(c)));
        return (double)sharedSpecific / fewer >= RecentOverlap && (double)shared.Count / a.Concepts.Union(b.Concepts).Count() >= FigureConcepts;
    }

    static double Likeness(StoryFingerprint a, StoryFingerprint b) =>
        a.Concepts.Intersect(b.Concepts).Count() / (double)Math.Max(1, a.Concepts.Union(b.Concepts).Count())
        + (a.Script == b.Script ? StorySignature.Similarity(Body(a), Body(b)) : 0);

    internal static bool Distinctive(string figure) => figure.Contains('.') || figure.Length > 2 || !int.TryParse(figure, out var n) || n > 31;

    /// <summary>Both give amounts (figures that cannot be days), and none is shared.</summary>
    static bool AmountsDiffer(StoryFingerprint a, StoryFingerprint b)
    {
        var x = a.Numbers.Where(Distinctive).ToList();
        var y = b.Numbers.Where(Distinctive).ToList();
        return x.Count > 0 && y.Count > 0 && !x.Intersect(y).Any();
    }

    /// <summary>A shared distinctive figure, or two shared small ones (a day and a count, say).</summary>
    static bool SharesFigure(StoryFingerprint a, StoryFingerprint b)
    {
        var shared = a.Numbers.Intersect(b.Numbers).ToList();
        return shared.Any(Distinctive) || shared.Count >= 2;
    }

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
