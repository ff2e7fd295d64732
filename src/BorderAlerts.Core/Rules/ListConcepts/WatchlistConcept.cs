using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules.ListConcepts;

/// <summary>The entry behind a matched name: which list, its reference there, and its name as the list writes it.</summary>
public sealed record WatchlistHit(string ListId, string EntryId, string ListedName);

/// <summary>
/// One watchlist as a concept (<c>@ofac-sdn</c>): the names that match alone, and those that match only near a context
/// word (<see cref="ContextWords"/>): short or common vessel names, bare IMO digits and call signs near a vessel word,
/// short or common firm names near a company word. Terms are normalised once here, as a list may hold 100,000 names.
/// </summary>
public sealed class WatchlistConcept
{
    readonly Dictionary<string, WatchlistHit> _entries;

    internal WatchlistConcept(string listId, IReadOnlyList<TermNode> names, IReadOnlyList<TermNode> nearVesselWord,
        IReadOnlyList<TermNode> nearCompanyWord, Dictionary<string, WatchlistHit> entries)
    {
        (ListId, Names, NearVesselWord, NearCompanyWord, _entries) = (listId, names, nearVesselWord, nearCompanyWord, entries);
    }

    public string ListId { get; }
    public IReadOnlyList<TermNode> Names { get; }
    public IReadOnlyList<TermNode> NearVesselWord { get; }
    public IReadOnlyList<TermNode> NearCompanyWord { get; }
    public int TermCount => Names.Count + NearVesselWord.Count + NearCompanyWord.Count;

    /// <summary>A list declared in watchlists.yaml but not loaded (disabled, or never refreshed): it matches nothing.</summary>
    public static WatchlistConcept Empty(string listId) => new(listId, [], [], [], []);

    /// <summary>The entry a matched term (its normalised text) was made from, if it is one of this list's names.</summary>
    public WatchlistHit? EntryOf(string normalizedTerm) => _entries.GetValueOrDefault(normalizedTerm);

    /// <summary>
    /// The concept as a query: its names, OR each context group NEAR its words. Leaves carry the list id, so a match
    /// explains which list (and, through <see cref="EntryOf"/>, which entry) it came from.
    /// </summary>
    public QueryNode ToQuery(Fields fields, int column)
    {
        var parts = new List<QueryNode> { Concept(Names, fields, column) };
        if (NearVesselWord.Count > 0) parts.Add(Near(NearVesselWord, ContextWords.Vessel, fields, column));
        if (NearCompanyWord.Count > 0) parts.Add(Near(NearCompanyWord, ContextWords.Company, fields, column));
        return parts.Count == 1 ? parts[0] : new OrNode(parts) { Column = column };
    }

    NearNode Near(IReadOnlyList<TermNode> names, IReadOnlyList<TermNode> words, Fields fields, int column) =>
        new(Concept(names, fields, column), new ConceptNode(ContextWords.ConceptName, Scoped(words, fields), fields) { Column = column }, ContextWords.Window) { Column = column };

    ConceptNode Concept(IReadOnlyList<TermNode> terms, Fields fields, int column) => new(ListId, Scoped(terms, fields), fields) { Column = column };

    static IReadOnlyList<TermNode> Scoped(IReadOnlyList<TermNode> terms, Fields fields) =>
        fields == Fields.Any ? terms : terms.Select(t => t with { Fields = fields }).ToList();
}
