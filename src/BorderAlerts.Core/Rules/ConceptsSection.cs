using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Rules;

/// <summary>
/// The <c>concepts:</c> section of rules.yaml. A concept is a list of aliases (<c>dandong: [丹东, 丹東, Dandong]</c>) or a
/// mapping with a label for cards (<c>dandong: { label: Dandong, aliases: [丹东, 丹東] }</c>); without a label, its
/// first Latin alias is the label (<see cref="ConceptLabels"/>).
/// </summary>
internal static class ConceptsSection
{
    public static (Dictionary<string, IReadOnlyList<string>> Concepts, Dictionary<string, string> Labels, Dictionary<string, int> Lines) Read(string file, YamlNode? node)
    {
        var concepts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (node is null) return (concepts, labels, lines);
        if (node is not YamlMappingNode map) throw new ConfigException(file, (int)node.Start.Line, "concepts", "expected a mapping of name: [aliases]");
        foreach (var (key, value) in map.Children)
        {
            var name = ((key as YamlScalarNode)?.Value ?? "").Trim().ToLowerInvariant();
            var field = $"concepts.{name}";
            if (!FeedIds.IsValid(name.Replace('_', '-'))) throw new ConfigException(file, (int)key.Start.Line, field, "a concept name is lower-case letters, digits, '-' or '_'");
            var (aliases, label) = value switch
            {
                YamlSequenceNode list => (Aliases(file, field, list), null),
                YamlMappingNode fields => Mapping(new YamlFields(file, field, fields)),
                _ => throw new ConfigException(file, (int)value.Start.Line, field, "expected a list of aliases or { label: …, aliases: [...] }"),
            };
            if (!concepts.TryAdd(name, aliases)) throw new ConfigException(file, (int)key.Start.Line, field, "defined twice");
            lines[name] = (int)key.Start.Line;
            if ((label ?? ConceptLabels.Default(aliases)) is { } shown) labels[name] = shown;
        }
        return (concepts, labels, lines);
    }

    static (IReadOnlyList<string>, string?) Mapping(YamlFields f)
    {
        f.RejectUnknown("label", "aliases");
        var label = f.OptionalString("label");
        if (label is null && f.Node("label") is { } empty) throw f.Error("label", empty, "is empty");
        var aliases = f.Node("aliases") switch
        {
            null => throw f.Missing("aliases", "is required: a list of aliases"),
            YamlSequenceNode list => Aliases(f.File, $"{f.Path}.aliases", list),
            var other => throw f.Error("aliases", other, "expected a list of aliases"),
        };
        return (aliases, label);
    }

    static List<string> Aliases(string file, string field, YamlSequenceNode list)
    {
        var aliases = new List<string>(list.Children.Count);
        foreach (var alias in list.Children)
        {
            var text = (alias as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text)) throw new ConfigException(file, (int)alias.Start.Line, field, "an alias is empty or not a single value");
            aliases.Add(text);
        }
        if (aliases.Count == 0) throw new ConfigException(file, (int)list.Start.Line, field, "has no aliases");
        return aliases;
    }
}
