using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Config;

/// <summary>Typed reads from a YAML mapping that fail with file, line and field path.</summary>
internal sealed class YamlFields(string file, string path, YamlMappingNode node)
{
    public string File => file;
    public string Path => path;
    public int Line => (int)node.Start.Line;

    public YamlNode? Node(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? OptionalString(string key)
    {
        var value = Node(key);
        if (value is null) return null;
        if (value is not YamlScalarNode scalar) throw Error(key, value, "expected a single value");
        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    public string RequiredString(string key) =>
        OptionalString(key) ?? throw new ConfigException(file, Line, $"{path}.{key}", "is required");

    public bool OptionalBool(string key, bool fallback)
    {
        var text = OptionalString(key);
        if (text is null) return fallback;
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(key, Node(key)!, $"'{text}' is not true or false"),
        };
    }

    public YamlFields? Child(string key)
    {
        var value = Node(key);
        if (value is null) return null;
        if (value is not YamlMappingNode map) throw Error(key, value, "expected a mapping of fields");
        return new YamlFields(file, $"{path}.{key}", map);
    }

    public void RejectUnknown(params string[] known)
    {
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!known.Contains(name))
                throw new ConfigException(file, (int)key.Start.Line, $"{path}.{name}",
                    $"unknown field (known: {string.Join(", ", known)})");
        }
    }

    public ConfigException Missing(string key, string problem) => new(file, Line, $"{path}.{key}", problem);

    public ConfigException Error(string key, YamlNode at, string problem) =>
        new(file, (int)at.Start.Line, $"{path}.{key}", problem);
}
