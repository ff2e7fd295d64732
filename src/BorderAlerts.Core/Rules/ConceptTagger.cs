using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Rules;

/// <summary>
/// Which concepts of the rules file an item mentions: one automaton with a rule per concept, so "丹東", "단둥" and
/// "Dandong" all say <c>dandong</c>. Story grouping compares items by these names, which do not depend on the language.
/// </summary>
public sealed class ConceptTagger
{
    readonly RuleMatcher _matcher;

    ConceptTagger(RuleMatcher matcher) => _matcher = matcher;

    /// <summary>
    /// One rule per concept. A concept whose aliases do not parse (one no rule uses, so nothing reported it) is left
    /// out rather than failing every poll that tags an item.
    /// </summary>
    public static ConceptTagger Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts)
    {
        var rules = new List<(RuleDefinition, QueryNode)>();
        foreach (var name in concepts.Keys)
        {
            try { rules.Add((new RuleDefinition(name, name, "@" + name, Severity.Low, [], true), QueryParser.Parse("@" + name, concepts))); }
            catch (QuerySyntaxException) { }
        }
        return new(RuleMatcher.Compile(rules));
    }

    /// <summary>The concept names the title and text mention, in ordinal order.</summary>
    public string[] Tag(string title, string text)
    {
        var names = _matcher.Match(new MatchInput(title, text)).Select(m => m.RuleId).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}
