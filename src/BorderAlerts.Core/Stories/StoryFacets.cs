namespace BorderAlerts.Core.Stories;

/// <summary>
/// Groups of concepts that tell events apart (rules.yaml <c>stories.facets</c>): places, goods, agencies. Two items
/// that each name concepts of one facet, with none in common, report different events (a seizure in Dandong is not
/// the seizure in Hunchun, coal is not seafood), however alike their wording.
/// </summary>
public sealed record StoryFacets(IReadOnlyDictionary<string, IReadOnlyList<string>> Facets)
{
    public static StoryFacets None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The facet that sets two concept lists apart, or null if none does.</summary>
    public string? Conflict(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        foreach (var (facet, concepts) in Facets)
        {
            bool inA = false, inB = false, shared = false;
            foreach (var concept in concepts)
            {
                bool x = a.Contains(concept), y = b.Contains(concept);
                inA |= x; inB |= y; shared |= x && y;
            }
            if (inA && inB && !shared) return facet;
        }
        return null;
    }

    /// <summary>True if the concept belongs to some facet: such concepts say what the event is, not just its topic.</summary>
    public bool IsSpecific(string concept) => Facets.Values.Any(list => list.Contains(concept));
}
