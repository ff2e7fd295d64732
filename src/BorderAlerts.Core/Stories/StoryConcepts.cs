namespace BorderAlerts.Core.Stories;

/// <summary>
/// What the concepts of rules.yaml say about events (<c>stories:</c>). Facets are groups of concepts that tell events
/// apart: places, goods. Two items that each name concepts of one facet, with none in common, report different events
/// (a seizure in Dandong is not the seizure in Hunchun, coal is not seafood), however alike their wording. Ignored
/// concepts say nothing about which event an item reports (the DPRK's names, which every alert has).
/// </summary>
public sealed record StoryConcepts(IReadOnlyDictionary<string, IReadOnlyList<string>> Facets)
{
    public static StoryConcepts None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlySet<string> Ignored { get; init; } = new HashSet<string>();

    /// <summary>
    /// Topic words that most alerts share (sanctions, trade, a Security Council): they count towards how alike two items
    /// are, but two items in the same days are one event only if they share something more specific (<c>stories.generic</c>).
    /// </summary>
    public IReadOnlySet<string> Generic { get; init; } = new HashSet<string>();

    public bool IsGeneric(string concept) => Generic.Contains(concept);

    /// <summary>Concepts that mean the same for grouping, by the name they are read as (<c>stories.alike</c>).</summary>
    public IReadOnlyDictionary<string, string> Alike { get; init; } = new Dictionary<string, string>();

    /// <summary>The concepts of an item that describe its event: all it names but the ignored ones, alike ones as one.</summary>
    public string[] Describing(IEnumerable<string> concepts) =>
        concepts.Where(c => !Ignored.Contains(c)).Select(c => Alike.GetValueOrDefault(c, c)).Distinct().Order(StringComparer.Ordinal).ToArray();

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
