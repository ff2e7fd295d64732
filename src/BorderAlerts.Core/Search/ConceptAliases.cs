using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Search;

/// <summary>
/// The aliases of rules.yaml's concepts, folded as the matcher folds text, for looking up what a search's words stand
/// for: <c>Dandong</c>, <c>DANDONG</c> and <c>丹東</c> all find <c>dandong</c>. A prefix alias (<c>sanction*</c>) stands
/// for every word it would match (<c>sanctions</c>, <c>sanctioned</c>) and for the same wildcard typed in a search.
/// A word that several concepts list stands for all of them. A concept that lists every alias of another concept is a
/// category made of others (<c>border</c> holds every border town), not the spellings of one thing: a plain word never
/// stands for it, so <c>Dandong</c> searches Dandong, not every border town, and <c>鸭绿江</c> stays as typed rather than
/// reading the posting lists of 200 aliases. <c>@border</c> still searches it.
/// </summary>
public sealed class ConceptAliases
{
    readonly Dictionary<string, SortedSet<string>> _exact = new(StringComparer.Ordinal);
    readonly Dictionary<string, SortedSet<string>> _stems = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<string>> _folded = new(StringComparer.Ordinal); // concept → its folded aliases
    HashSet<string> _categories = [];

    /// <summary>The most words an alias spans: no longer run of a query's words can be one.</summary>
    public int MaxWords { get; private set; }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, IReadOnlyList<string>>, ConceptAliases> Cache = new();

    /// <summary>The table for a set of concepts, built once per set (a rules reload brings a new set).</summary>
    public static ConceptAliases For(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts) => Cache.GetValue(concepts, Build);

    static ConceptAliases Build(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts)
    {
        var table = new ConceptAliases();
        foreach (var (name, aliases) in concepts)
        {
            // A concept whose aliases do not parse would turn a plain word into an error the searcher did not make.
            try { QueryParser.Parse("@" + name, concepts); }
            catch (QuerySyntaxException) { continue; }
            foreach (var alias in aliases) table.Add(name, alias);
        }
        table._categories = table._folded.Where(wide => table._folded.Any(narrow => narrow.Key != wide.Key && wide.Value.IsProperSupersetOf(narrow.Value)))
            .Select(wide => wide.Key).ToHashSet(StringComparer.Ordinal);
        return table;
    }

    void Add(string concept, string alias)
    {
        var prefix = alias.Length > 1 && alias.EndsWith('*');
        var folded = MatchText.Normalize(prefix ? alias[..^1] : alias);
        if (folded.Length == 0) return;
        var names = prefix ? _stems : _exact;
        if (!names.TryGetValue(folded, out var set)) names[folded] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(concept);
        if (!_folded.TryGetValue(concept, out var own)) _folded[concept] = own = new HashSet<string>(StringComparer.Ordinal);
        own.Add(prefix ? folded + "*" : folded);
        MaxWords = Math.Max(MaxWords, folded.Count(c => c == ' ') + 1);
    }

    /// <summary>
    /// The concepts (ordinal order) whose alias is this word or phrase once folded; a trailing <c>*</c> on
    /// <paramref name="words"/> finds only the prefix aliases with that stem. Empty when it is no alias.
    /// </summary>
    public IReadOnlyList<string> Find(string words)
    {
        var wildcard = words.Length > 1 && words.EndsWith('*');
        var folded = MatchText.Normalize(wildcard ? words[..^1] : words);
        if (folded.Length == 0 || folded.Contains('*')) return [];
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (wildcard) return _stems.TryGetValue(folded, out var same) ? Narrowest(same) : [];
        if (_exact.TryGetValue(folded, out var exact)) found.UnionWith(exact);
        foreach (var (stem, names) in _stems)
            if (folded.StartsWith(stem, StringComparison.Ordinal) && folded[stem.Length..].All(MatchText.IsWordChar)) found.UnionWith(names); // the rest of one word
        return Narrowest(found);
    }

    /// <summary>The concepts found, less the categories.</summary>
    IReadOnlyList<string> Narrowest(SortedSet<string> found) => found.Where(name => !_categories.Contains(name)).ToList();
}
