using System.Globalization;
using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Briefings;

/// <summary>What a briefings.yaml entry is checked against: the scheduler's cron syntax, the destinations in settings, the query language.</summary>
/// <param name="Cron">Reads <c>cron:</c> (Quartz syntax, through the port so the core knows no Quartz).</param>
/// <param name="IsDestination">Whether a name in <c>to:</c> is a destination in settings.</param>
/// <param name="QueryProblem">What is wrong with a query (unknown concept, syntax), or null when it compiles.</param>
public sealed record BriefingChecks(ICronParser Cron, Func<string, bool> IsDestination, Func<string, string?> QueryProblem);

/// <summary>
/// Reads config/briefings.yaml. Every problem of the file is reported at once, each naming file, line and field, in one
/// <see cref="ConfigException"/>; a file with one bad entry is rejected whole. A missing file means no briefings.
/// </summary>
public static class BriefingsFile
{
    public const int MaxTop = 25;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);
    static readonly string[] KnownFields = ["id", "name", "cron", "timezone", "window", "query", "top", "to", "enabled"];

    public static IReadOnlyList<BriefingDefinition> Load(string path, BriefingChecks checks) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path, checks) : [];

    public static IReadOnlyList<BriefingDefinition> Parse(string yaml, string file, BriefingChecks checks)
    {
        var stream = YamlText.Load(yaml, file);
        if (stream.Documents.Count == 0) return [];
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException(file, 1, "briefings", "expected a mapping with a 'briefings:' list");
        var problems = new List<ConfigException>();
        var list = new YamlFields(file, "", root).Node("briefings");
        if (list is not null and not YamlSequenceNode) throw new ConfigException(file, (int)list.Start.Line, "briefings", "expected a list");
        var briefings = new List<BriefingDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var items = (list as YamlSequenceNode)?.Children ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlMappingNode map)
            {
                problems.Add(new ConfigException(file, (int)items[i].Start.Line, $"briefings[{i}]", "expected a mapping"));
                continue;
            }
            var fields = new YamlFields(file, $"briefings[{i}]", map);
            var briefing = Read(fields, checks, problems);
            if ((map.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value : null) is { } named && !ids.Add(named))
                problems.Add(new ConfigException(file, fields.Line, $"briefings[{i}].id", $"duplicate id '{named}'"));
            if (briefing is not null) briefings.Add(briefing);
        }
        if (problems.Count > 0) throw ConfigException.Of([.. problems.OrderBy(p => p.Line)]);
        return briefings;
    }

    /// <summary>One entry, each bad field recorded rather than stopping at the first.</summary>
    static BriefingDefinition? Read(YamlFields f, BriefingChecks checks, List<ConfigException> problems)
    {
        T? Field<T>(Func<T> read)
        {
            try { return read(); }
            catch (ConfigException e) { problems.Add(e); return default; }
        }
        Field(() => { f.RejectUnknown(KnownFields); return true; });
        var id = Field(() => ReadId(f));
        var zone = Field(() => ScheduleFields.Zone(f));
        var schedule = zone is null ? null
            : Field(() => ScheduleFields.Cron(f, zone, checks.Cron, "0 0 8 ? * MON-FRI") ?? throw f.Missing("cron", "is required (a Quartz cron expression)"));
        var window = Field<TimeSpan?>(() => ReadWindow(f));
        var query = Field(() => ReadQuery(f, checks));
        var top = Field<int?>(() => ReadTop(f));
        var to = Field(() => ReadTo(f, checks));
        var enabled = Field<bool?>(() => f.OptionalBool("enabled", true));
        var name = Field(() => f.OptionalString("name"));
        if (id is null || zone is null || schedule is null || window is null || top is null || to is null || enabled is null) return null;
        return new BriefingDefinition
        {
            Id = id, Name = name ?? id, Schedule = schedule, TimeZone = zone, Window = window.Value, Query = query, Top = top.Value,
            To = to, Enabled = enabled.Value, Line = f.Line,
        };
    }

    static string ReadId(YamlFields f)
    {
        var id = f.RequiredString("id");
        return FeedIds.IsValid(id) ? id : throw f.Error("id", f.Node("id")!, $"'{id}' must be lower-case letters, digits and '-'");
    }

    static TimeSpan? ReadWindow(YamlFields f)
    {
        var text = f.OptionalString("window");
        if (text is null) return TimeSpan.FromHours(24);
        if (!DurationParser.TryParse(text, out var window) || window < TimeSpan.FromHours(1) || window > MaxWindow)
            throw f.Error("window", f.Node("window")!, $"'{text}' is not a duration from 1h to {DurationParser.Format(MaxWindow)} (examples: 12h, 24h, 7d)");
        return window;
    }

    static string? ReadQuery(YamlFields f, BriefingChecks checks)
    {
        var query = f.OptionalString("query");
        if (query is not null && checks.QueryProblem(query) is { } problem) throw f.Error("query", f.Node("query")!, $"'{query}': {problem}");
        return query;
    }

    static int? ReadTop(YamlFields f)
    {
        var text = f.OptionalString("top");
        if (text is null) return 10;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= MaxTop ? top
            : throw f.Error("top", f.Node("top")!, $"'{text}' is not a whole number from 1 to {MaxTop}");
    }

    static IReadOnlyList<string> ReadTo(YamlFields f, BriefingChecks checks)
    {
        var node = f.Node("to") ?? throw f.Missing("to", "is required (destination names from settings, e.g. [analysts])");
        var values = node switch
        {
            YamlSequenceNode seq => seq.Children,
            YamlScalarNode { Value: { Length: > 0 } } scalar => [scalar],
            _ => throw f.Error("to", node, "expected a list of destination names (example: [analysts])"),
        };
        var names = new List<string>();
        foreach (var value in values)
        {
            if (value is not YamlScalarNode { Value: { Length: > 0 } name }) throw f.Error("to", value, "expected a destination name");
            if (!checks.IsDestination(name)) throw f.Error("to", value, $"'{name}' is not a destination in settings (BorderAlerts:Destinations) nor 'console'");
            names.Add(name);
        }
        return names.Count > 0 ? names : throw f.Error("to", node, "names no destination");
    }
}
