using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Rules.ListConcepts;

/// <summary>
/// Turns a list's entries into its concept. What matches alone and what needs context (docs/query-language.md):
/// <list type="bullet">
/// <item>people: the name in either order, strong aliases and original-script names; a one-word Latin name, or a CJK or
/// Hangul name under three characters, is left out (a bare surname is everybody);</item>
/// <item>vessels: names of three or more words (numbers aside) that are not all common words alone; others near a
/// vessel word; IMO numbers with a valid check digit as "IMO9030591" alone and as the digits near a vessel word (IMO is
/// one: "IMO 9030591", "IMO No. 9030591");
/// call signs near a vessel word;</item>
/// <item>firms and the rest: the name as listed and without its legal form when two or more words are left that are not
/// all common; one word left, or only common words, near a company word; nothing left, never.</item>
/// </list>
/// Weak aliases (OFAC's "weak", the UN's "Low", OpenSanctions' weakAlias) are left out: they are short forms like KOMID.
/// </summary>
public sealed class WatchlistConceptBuilder(string listId)
{
    readonly List<TermNode> _names = [], _nearVessel = [], _nearCompany = [];
    readonly Dictionary<string, WatchlistHit> _entries = new(StringComparer.Ordinal);
    readonly HashSet<string> _strong = new(StringComparer.Ordinal), _context = new(StringComparer.Ordinal);

    public static WatchlistConcept Build(string listId, IEnumerable<WatchlistEntry> entries)
    {
        var builder = new WatchlistConceptBuilder(listId);
        foreach (var entry in entries) builder.Add(entry);
        return new WatchlistConcept(listId, builder._names, builder._nearVessel, builder._nearCompany, builder._entries);
    }

    void Add(WatchlistEntry entry)
    {
        var hit = new WatchlistHit(listId, entry.EntryId, entry.Name);
        var names = entry.Aliases.Where(a => a.Strength == AliasStrength.Strong).Select(a => a.Name).Prepend(entry.Name).Concat(entry.OriginalScriptNames);
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            switch (entry.Type)
            {
                case WatchlistEntryType.Individual: foreach (var form in NameForms.Person(name)) AddPerson(form, hit); break;
                case WatchlistEntryType.Vessel: AddVessel(name, hit); break;
                default: AddFirm(name, hit); break;
            }
        }
        foreach (var id in entry.Identifiers) AddIdentifier(id, hit);
    }

    void AddPerson(string name, WatchlistHit hit)
    {
        if (ConceptLabels.IsLatin(name) ? NameForms.LetterWords(NameForms.Words(name)) >= 2 : name.Count(char.IsLetter) >= 3) Strong(name, hit);
    }

    void AddVessel(string name, WatchlistHit hit)
    {
        var words = NameForms.Words(name);
        if (ConceptLabels.IsLatin(name) && NameForms.LetterWords(words) >= 3 && !NameForms.AllCommon(words)) Strong(name, hit);
        else Context(_nearVessel, name, hit);
    }

    void AddFirm(string name, WatchlistHit hit)
    {
        if (!ConceptLabels.IsLatin(name))
        {
            if (name.Count(char.IsLetter) >= 4) Strong(name, hit); else Context(_nearCompany, name, hit);
            if (LegalForms.StripCjk(name) is { } bare) { if (bare.Length >= 3) Strong(bare, hit); else Context(_nearCompany, bare, hit); }
            return;
        }
        var words = NameForms.Words(name);
        FirmWords(words, name, hit);
        if (LegalForms.StripLatin(words) is { Count: > 0 } distinctive) FirmWords(distinctive, string.Join(' ', distinctive), hit);
    }

    void FirmWords(IReadOnlyList<string> words, string name, WatchlistHit hit)
    {
        if (NameForms.LetterWords(words) >= 2 && !NameForms.AllCommon(words)) Strong(name, hit);
        else if (!NameForms.AllCommon(words) && name.Count(char.IsLetter) >= 4) Context(_nearCompany, name, hit);
    }

    void AddIdentifier(WatchlistIdentifier id, WatchlistHit hit)
    {
        if (id.Kind == WatchlistIdentifier.Imo && id.Valid)
        {
            Strong("IMO" + id.Value, hit);
            Context(_nearVessel, id.Value, hit); // "IMO 9030591", "IMO No. 9030591": "IMO" is a vessel word, so these are the digits near one
        }
        else if (id.Kind == WatchlistIdentifier.CallSign && id.Value.Trim().Length >= 4) Context(_nearVessel, id.Value.Trim(), hit);
    }

    void Strong(string text, WatchlistHit hit)
    {
        if (Term(text, hit) is { } term && _strong.Add(term.Normalized)) _names.Add(term);
    }

    void Context(List<TermNode> terms, string text, WatchlistHit hit)
    {
        if (Term(text, hit) is { } term && !_strong.Contains(term.Normalized) && _context.Add(term.Normalized)) terms.Add(term);
    }

    TermNode? Term(string text, WatchlistHit hit)
    {
        var normalized = MatchText.Normalize(text);
        if (normalized.Length < 2 || normalized.Length > Automaton.MaxPatternLength) return null;
        _entries.TryAdd(normalized, hit);
        return new TermNode(text, normalized, Fields.Any, Prefix: false);
    }
}
