using BorderAlerts.Core.Config;
using BorderAlerts.Core.Stories;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Rules;

/// <summary>The <c>stories:</c> section of rules.yaml: what its concepts say about events (see <see cref="StoryConcepts"/>).</summary>
internal static class StoriesSection
{
    /// <summary>
    /// <c>stories: { ignore: [concepts], generic: [concepts], alike: [[concepts]], facets: { place: [concepts], goods: [concepts] } }</c>; every
    /// name must be a concept of the file.
    /// </summary>
    public static StoryConcepts Read(string file, YamlFields? stories, Dictionary<string, IReadOnlyList<string>> concepts)
    {
        if (stories is null) return StoryConcepts.None;
        stories.RejectUnknown("facets", "ignore", "alike", "generic");
        var ignored = ConceptList(file, stories.Node("ignore"), "stories.ignore", concepts);
        var generic = ConceptList(file, stories.Node("generic"), "stories.generic", concepts);
        var alike = new Dictionary<string, string>();
        if (stories.Node("alike") is { } alikeNode)
        {
            if (alikeNode is not YamlSequenceNode groups) throw new ConfigException(file, (int)alikeNode.Start.Line, "stories.alike", "expected a list of lists of concept names");
            foreach (var group in groups.Children)
            {
                if (group is not YamlSequenceNode names || names.Children.Count < 2)
                    throw new ConfigException(file, (int)group.Start.Line, "stories.alike", "each entry is a list of two or more concept names");
                var read = names.Children.Select(n => ConceptName(file, n, "stories.alike", concepts)).ToList();
                foreach (var name in read.Skip(1)) alike[name] = read[0];
            }
        }
        if (stories.Node("facets") is not { } node) return StoryConcepts.None with { Ignored = ignored, Alike = alike, Generic = generic };
        if (node is not YamlMappingNode map) throw new ConfigException(file, (int)node.Start.Line, "stories.facets", "expected a mapping of facet: [concept names]");
        var facets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var field = $"stories.facets.{(key as YamlScalarNode)?.Value}";
            if (value is not YamlSequenceNode list) throw new ConfigException(file, (int)value.Start.Line, field, "expected a list of concept names");
            facets[((YamlScalarNode)key).Value!] = list.Children.Select(item => ConceptName(file, item, field, concepts)).ToList();
        }
        return new StoryConcepts(facets) { Ignored = ignored, Alike = alike, Generic = generic };
    }

    static HashSet<string> ConceptList(string file, YamlNode? node, string field, Dictionary<string, IReadOnlyList<string>> concepts) => node switch
    {
        null => [],
        YamlSequenceNode list => list.Children.Select(item => ConceptName(file, item, field, concepts)).ToHashSet(),
        var other => throw new ConfigException(file, (int)other.Start.Line, field, "expected a list of concept names"),
    };

    static string ConceptName(string file, YamlNode item, string field, Dictionary<string, IReadOnlyList<string>> concepts)
    {
        var name = ((item as YamlScalarNode)?.Value ?? "").Trim().TrimStart('@').ToLowerInvariant();
        return concepts.ContainsKey(name) ? name : throw new ConfigException(file, (int)item.Start.Line, field, $"'{name}' is not a concept of this file");
    }
}
