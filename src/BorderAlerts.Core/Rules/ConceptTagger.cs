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

    public static ConceptTagger Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> concepts) =>
        new(RuleMatcher.Compile(concepts.Keys.Select(name =>
            (new RuleDefinition(name, name, "@" + name, Severity.Low, [], true), QueryParser.Parse("@" + name, concepts))).ToList()));

    /// <summary>The concept names the title and text mention, in ordinal order.</summary>
    public string[] Tag(string title, string text)
    {
        var names = _matcher.Match(new MatchInput(title, text)).Select(m => m.RuleId).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}
