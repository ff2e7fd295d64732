using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Stories;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Rules;

/// <summary>What rules.yaml says, before queries are parsed: concepts and rule definitions with where they are.</summary>
public sealed record RulesDocument(IReadOnlyDictionary<string, IReadOnlyList<string>> Concepts, IReadOnlyList<RuleEntry> Rules, string File)
{
    /// <summary>Concept groups that tell events apart, for story grouping (<c>stories.facets</c>).</summary>
    public StoryConcepts StoryConcepts { get; init; } = StoryConcepts.None;

    /// <summary>Each concept's label for cards (<see cref="ConceptLabels"/>); concepts without one are absent.</summary>
    public IReadOnlyDictionary<string, string> ConceptLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The line each concept is defined on, for errors about it (a name a watchlist already uses).</summary>
    public IReadOnlyDictionary<string, int> ConceptLines { get; init; } = new Dictionary<string, int>();
}

/// <summary>A rule and the place of its query in the file, so a query error can point at line and column.</summary>
public sealed record RuleEntry(RuleDefinition Rule, int QueryLine, int QueryColumn);

/// <summary>
/// Reads config/rules.yaml (docs/architecture.md §8). A broken file structure is a <see cref="ConfigException"/>; a bad query
/// is not an error here: it is reported per rule when the rules are compiled, and only that rule is skipped.
/// </summary>
public static class RulesFile
{
    public static RulesDocument Load(string path)
    {
        if (!File.Exists(path)) return new RulesDocument(new Dictionary<string, IReadOnlyList<string>>(), [], path);
        return Parse(File.ReadAllText(path), path);
    }

    public static RulesDocument Parse(string yaml, string file)
    {
        var stream = YamlText.Load(yaml, file);
        if (stream.Documents.Count == 0) return new RulesDocument(new Dictionary<string, IReadOnlyList<string>>(), [], file);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException(file, 1, "rules", "expected a mapping with 'concepts:' and 'rules:'");
        var top = new YamlFields(file, "", root);
        top.RejectUnknown("concepts", "rules", "stories");
        var (concepts, labels, lines) = ConceptsSection.Read(file, top.Node("concepts"));
        return new RulesDocument(concepts, ReadRules(file, top.Node("rules")), file)
        {
            StoryConcepts = StoriesSection.Read(file, top.Child("stories"), concepts),
            ConceptLabels = labels,
            ConceptLines = lines,
        };
    }

    static List<RuleEntry> ReadRules(string file, YamlNode? node)
    {
        var rules = new List<RuleEntry>();
        if (node is null) return rules;
        if (node is not YamlSequenceNode list) throw new ConfigException(file, (int)node.Start.Line, "rules", "expected a list");
        var ids = new HashSet<string>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode map) throw new ConfigException(file, (int)list.Children[i].Start.Line, $"rules[{i}]", "expected a mapping");
            var entry = ReadRule(new YamlFields(file, $"rules[{i}]", map));
            if (!ids.Add(entry.Rule.Id)) throw new ConfigException(file, (int)map.Start.Line, $"rules[{i}].id", $"duplicate id '{entry.Rule.Id}'");
            rules.Add(entry);
        }
        return rules;
    }

    static RuleEntry ReadRule(YamlFields f)
    {
        f.RejectUnknown("id", "name", "query", "severity", "to", "enabled");
        var id = f.RequiredString("id");
        if (!FeedIds.IsValid(id)) throw f.Error("id", f.Node("id")!, $"'{id}' must be lower-case letters, digits and '-'");
        var query = f.RequiredString("query");
        var queryNode = (YamlScalarNode)f.Node("query")!;
        var quoted = queryNode.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        var severity = f.OptionalString("severity")?.ToLowerInvariant() switch
        {
            null or "normal" => Severity.Normal,
            "low" => Severity.Low,
            "high" => Severity.High,
            "critical" => Severity.Critical,
            var other => throw f.Error("severity", f.Node("severity")!, $"'{other}' is not one of low, normal, high, critical"),
        };
        var rule = new RuleDefinition(id, f.OptionalString("name") ?? id, query, severity, ReadTo(f), f.OptionalBool("enabled", true), f.Line);
        return new RuleEntry(rule, (int)queryNode.Start.Line, (int)queryNode.Start.Column + quoted);
    }

    static IReadOnlyList<string> ReadTo(YamlFields f) => f.Node("to") switch
    {
        null => [],
        YamlScalarNode one when !string.IsNullOrWhiteSpace(one.Value) => [one.Value.Trim()],
        YamlSequenceNode many => many.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() is { Length: > 0 } name
            ? name : throw f.Error("to", c, "a destination name is empty or not a single value")).ToList(),
        var other => throw f.Error("to", other, "expected a destination name or a list of them"),
    };
}
