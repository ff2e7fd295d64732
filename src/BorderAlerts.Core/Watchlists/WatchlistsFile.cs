using System.Globalization;
using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// Reads config/watchlists.yaml, the official lists BorderAlerts reads. Every problem of the file is reported at once,
/// each naming file, line and field, in one <see cref="ConfigException"/> (<see cref="ConfigException.All"/>); a file
/// with one bad entry is rejected whole. A missing file means no watchlists.
/// </summary>
public static class WatchlistsFile
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromHours(6);
    public static readonly TimeSpan MinimumEvery = TimeSpan.FromMinutes(10);
    public const int DefaultMaxMegabytes = 200;
    public const int MaxMegabytesCeiling = 2048;

    static readonly string[] KnownFields = ["id", "name", "url", "format", "every", "programs", "enabled", "maxMegabytes"];

    public static IReadOnlyList<WatchlistDefinition> Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : [];

    public static IReadOnlyList<WatchlistDefinition> Parse(string yaml, string file)
    {
        var stream = YamlText.Load(yaml, file);
        if (stream.Documents.Count == 0) return [];
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException(file, 1, "watchlists", "expected a mapping with a 'watchlists:' list");
        var problems = new List<ConfigException>();
        var top = new YamlFields(file, "", root);
        foreach (var key in root.Children.Keys)
            if ((key as YamlScalarNode)?.Value is not "watchlists")
                problems.Add(new ConfigException(file, (int)key.Start.Line, (key as YamlScalarNode)?.Value ?? "?", "unknown field (known: watchlists)"));
        var lists = top.Node("watchlists") switch
        {
            null => [],
            YamlSequenceNode items => ReadAll(file, items, problems),
            var other => Fail(problems, new ConfigException(file, (int)other.Start.Line, "watchlists", "expected a list")),
        };
        if (problems.Count > 0) throw ConfigException.Of([.. problems.OrderBy(p => p.Line)]);
        return lists;
    }

    static List<WatchlistDefinition> ReadAll(string file, YamlSequenceNode items, List<ConfigException> problems)
    {
        var lists = new List<WatchlistDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Children.Count; i++)
        {
            var path = $"watchlists[{i}]";
            if (items.Children[i] is not YamlMappingNode map)
            {
                problems.Add(new ConfigException(file, (int)items.Children[i].Start.Line, path, "expected a mapping"));
                continue;
            }
            var list = new WatchlistReader(new YamlFields(file, path, map), map, problems).Read();
            if (list is null) continue;
            if (!ids.Add(list.Id)) problems.Add(new ConfigException(file, (int)map.Start.Line, $"{path}.id", $"duplicate id '{list.Id}'"));
            lists.Add(list);
        }
        return lists;
    }

    static List<WatchlistDefinition> Fail(List<ConfigException> problems, ConfigException problem)
    {
        problems.Add(problem);
        return [];
    }

    static T? Collect<T>(List<ConfigException> problems, Func<T> read)
    {
        try { return read(); }
        catch (ConfigException e) { problems.Add(e); return default; }
    }

    /// <summary>Reads one entry, recording each bad field instead of stopping at the first.</summary>
    sealed class WatchlistReader(YamlFields f, YamlMappingNode map, List<ConfigException> problems)
    {
        public WatchlistDefinition? Read()
        {
            RejectUnknown();
            var id = Field(ReadId);
            var url = Field(ReadUrl);
            var format = Field<WatchlistFormat?>(ReadFormat);
            var every = Field<TimeSpan?>(ReadEvery);
            var programs = Field(ReadPrograms);
            var enabled = Field<bool?>(() => f.OptionalBool("enabled", true));
            var megabytes = Field<int?>(ReadMaxMegabytes);
            var name = Field(() => f.OptionalString("name"));
            if (id is null || url is null || format is null || every is null || programs is null || enabled is null || megabytes is null)
                return null;
            return new WatchlistDefinition
            {
                Id = id, Name = name ?? id, Url = url, Format = format.Value, Every = every.Value, Programs = programs,
                Enabled = enabled.Value, MaxMegabytes = megabytes.Value,
            };
        }

        T? Field<T>(Func<T> read) => Collect(problems, read);

        /// <summary>Every unknown key, not just the first, so one edit can fix them all.</summary>
        void RejectUnknown()
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "?";
                if (!KnownFields.Contains(name))
                    problems.Add(new ConfigException(f.File, (int)key.Start.Line, $"{f.Path}.{name}",
                        $"unknown field (known: {string.Join(", ", KnownFields)})"));
            }
        }

        string ReadId()
        {
            var id = f.RequiredString("id");
            return FeedIds.IsValid(id) ? id : throw f.Error("id", f.Node("id")!, $"'{id}' must be lower-case letters, digits and '-'");
        }

        Uri ReadUrl()
        {
            var text = f.RequiredString("url");
            return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == "http" || url.Scheme == "https") ? url
                : throw f.Error("url", f.Node("url")!, $"'{text}' is not an absolute http(s) address");
        }

        WatchlistFormat? ReadFormat()
        {
            var text = f.RequiredString("format");
            return WatchlistFormats.TryParse(text, out var format) ? format
                : throw f.Error("format", f.Node("format")!, $"'{text}' is not one of {string.Join(", ", WatchlistFormats.All)}");
        }

        TimeSpan? ReadEvery()
        {
            var text = f.OptionalString("every");
            if (text is null) return DefaultEvery;
            if (!DurationParser.TryParse(text, out var every))
                throw f.Error("every", f.Node("every")!, $"'{text}' is not a duration (examples: 30m, 6h, 1d)");
            return every >= MinimumEvery ? every
                : throw f.Error("every", f.Node("every")!, $"'{text}' is too often for an official list (at least {DurationParser.Format(MinimumEvery)})");
        }

        ProgramFilter ReadPrograms()
        {
            var node = f.Node("programs");
            if (node is null || node is YamlScalarNode { Value: null or "" }) return ProgramFilter.Everything;
            var values = node switch
            {
                YamlSequenceNode seq => seq.Children,
                YamlScalarNode scalar => [scalar],
                _ => throw f.Error("programs", node, "expected a list of programs (example: [DPRK*])"),
            };
            var patterns = new List<string>();
            foreach (var value in values)
            {
                if (value is not YamlScalarNode { Value: { } text }) throw f.Error("programs", value, "expected a program name, not a list or mapping");
                if (ProgramFilter.Problem(text.Trim()) is { } problem) throw f.Error("programs", value, problem);
                patterns.Add(text);
            }
            return ProgramFilter.Of(patterns);
        }

        int? ReadMaxMegabytes()
        {
            var text = f.OptionalString("maxMegabytes");
            if (text is null) return DefaultMaxMegabytes;
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= MaxMegabytesCeiling ? mb
                : throw f.Error("maxMegabytes", f.Node("maxMegabytes")!, $"'{text}' is not a whole number of megabytes from 1 to {MaxMegabytesCeiling}");
        }
    }
}
