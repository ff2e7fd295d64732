using BorderAlerts.Core.Config;
using YamlDotNet.RepresentationModel;

namespace BorderAlerts.Core.Feeds;

/// <summary>
/// Reads config/feeds.yaml. Every problem is a <see cref="ConfigException"/> naming file, line and field;
/// a file with one bad entry is rejected whole, so a typo never silently drops a source.
/// </summary>
public static class FeedsFile
{
    static readonly string[] KnownFields =
        ["id", "name", "url", "type", "language", "kind", "every", "min", "max", "cron", "timezone", "enabled", "backfill", "html", "json"];

    /// <param name="cron">Reads <c>cron:</c>; without one, a feed that has <c>cron:</c> is an error.</param>
    /// <param name="defaults">What a feed gets without <c>every:</c>, <c>min:</c>, <c>max:</c>; <see cref="FeedDefaults.Standard"/> when null.</param>
    public static IReadOnlyList<FeedDefinition> Load(string path, ICronParser? cron = null, FeedDefaults? defaults = null)
    {
        if (!File.Exists(path)) throw new ConfigException(path, 0, "feeds", "file not found");
        return Parse(File.ReadAllText(path), path, cron, defaults);
    }

    public static IReadOnlyList<FeedDefinition> Parse(string yaml, string file, ICronParser? cron = null, FeedDefaults? defaults = null)
    {
        defaults ??= FeedDefaults.Standard;
        var stream = YamlText.Load(yaml, file);
        if (stream.Documents.Count == 0) return [];
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException(file, 1, "feeds", "expected a mapping with a 'feeds:' list");
        var top = new YamlFields(file, "", root);
        var list = top.Node("feeds");
        if (list is null) return [];
        if (list is not YamlSequenceNode items) throw new ConfigException(file, (int)list.Start.Line, "feeds", "expected a list");

        var feeds = new List<FeedDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Children.Count; i++)
        {
            if (items.Children[i] is not YamlMappingNode map)
                throw new ConfigException(file, (int)items.Children[i].Start.Line, $"feeds[{i}]", "expected a mapping");
            var feed = ReadFeed(new YamlFields(file, $"feeds[{i}]", map), cron, defaults);
            if (!ids.Add(feed.Id))
                throw new ConfigException(file, (int)map.Start.Line, $"feeds[{i}].id", $"duplicate id '{feed.Id}'");
            feeds.Add(feed);
        }
        return feeds;
    }

    static FeedDefinition ReadFeed(YamlFields f, ICronParser? cron, FeedDefaults defaults)
    {
        f.RejectUnknown(KnownFields);
        var id = f.RequiredString("id");
        if (!FeedIds.IsValid(id)) throw f.Error("id", f.Node("id")!, $"'{id}' must be lower-case letters, digits and '-'");
        var urlText = f.RequiredString("url");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
            throw f.Error("url", f.Node("url")!, $"'{urlText}' is not an absolute http(s) address");
        var type = ReadType(f);
        var zone = ScheduleFields.Zone(f);
        return new FeedDefinition
        {
            Id = id,
            Name = f.OptionalString("name") ?? id,
            Url = url,
            Type = type,
            Language = f.OptionalString("language"),
            Kind = ReadKind(f),
            Every = ReadEvery(f, defaults),
            Auto = ReadAuto(f, defaults),
            Cron = ReadCron(f, zone, cron),
            TimeZone = zone,
            Enabled = f.OptionalBool("enabled", true),
            Backfill = f.OptionalBool("backfill", false),
            Html = type == FeedType.Html ? ReadHtml(f) : null,
            Json = type == FeedType.Json ? ReadJson(f) : null,
        };
    }

    static FeedType ReadType(YamlFields f) => f.OptionalString("type")?.ToLowerInvariant() switch
    {
        null or "feed" or "rss" or "atom" => FeedType.Feed,
        "html" => FeedType.Html,
        "json" => FeedType.Json,
        var other => throw f.Error("type", f.Node("type")!, $"'{other}' is not one of feed, html, json"),
    };

    static string? ReadKind(YamlFields f)
    {
        var text = f.OptionalString("kind");
        if (text is null) return null;
        return SourceKinds.Find(text) ?? throw f.Error("kind", f.Node("kind")!, SourceKinds.NotOne(text));
    }

    static TimeSpan ReadEvery(YamlFields f, FeedDefaults defaults)
    {
        var text = f.OptionalString("every");
        if (text is null) return defaults.Every ?? FeedDefaults.FixedEvery;
        if (IsAuto(text)) return FeedDefaults.FixedEvery;
        if (!DurationParser.TryParse(text, out var every))
            throw f.Error("every", f.Node("every")!, $"'{text}' is not a duration (examples: 30s, 10m, 2h, or auto)");
        return every;
    }

    static bool IsAuto(string every) => every.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>every: auto</c> with optional <c>min:</c> and <c>max:</c> bounds, which mean nothing without it (written: a
    /// settings default of auto does not make them mean something on a feed that does not say so).
    /// </summary>
    static AdaptiveBounds? ReadAuto(YamlFields f, FeedDefaults defaults)
    {
        var every = f.OptionalString("every");
        if (every is null || !IsAuto(every))
        {
            foreach (var bound in new[] { "min", "max" })
                if (f.Node(bound) is { } node) throw f.Error(bound, node, "only goes with every: auto");
            return every is null && defaults.Every is null ? defaults.Bounds : null;
        }
        var min = ReadBound(f, "min", defaults.Bounds.Min);
        var max = ReadBound(f, "max", defaults.Bounds.Max);
        if (min < FeedDefaults.ShortestMin) throw f.Error("min", f.Node("min")!, $"'{DurationParser.Format(min)}' is too often (at least 30s)");
        if (max < min && f.Node("max") is { } maxNode)
            throw f.Error("max", maxNode, $"'{DurationParser.Format(max)}' is shorter than min ({DurationParser.Format(min)})");
        if (max < min) throw f.Error("min", f.Node("min")!, $"'{DurationParser.Format(min)}' is longer than the default max ({DurationParser.Format(max)}); give max: too");
        return new AdaptiveBounds(min, max);
    }

    static TimeSpan ReadBound(YamlFields f, string field, TimeSpan fallback)
    {
        var text = f.OptionalString(field);
        if (text is null) return fallback;
        if (!DurationParser.TryParse(text, out var value))
            throw f.Error(field, f.Node(field)!, $"'{text}' is not a duration (examples: 2m, 1h)");
        return value;
    }

    /// <summary>A fixed schedule in the feed's zone, exclusive of <c>every:</c>.</summary>
    static ICronSchedule? ReadCron(YamlFields f, TimeZoneInfo zone, ICronParser? parser)
    {
        if (f.OptionalString("cron") is not null && f.Node("every") is not null) throw f.Error("cron", f.Node("cron")!, "give either every: or cron:, not both");
        return ScheduleFields.Cron(f, zone, parser, "0 5 7,19 ? * *");
    }

    static HtmlRecipe ReadHtml(YamlFields f)
    {
        var html = f.Child("html") ?? throw f.Missing("html", "type html needs html: {item, title, link, date}");
        html.RejectUnknown("item", "title", "link", "date", "summary", "exclude");
        return new HtmlRecipe(html.RequiredString("item"), html.RequiredString("title"), html.OptionalString("link"),
            html.OptionalString("date"), html.OptionalString("summary"), html.OptionalString("exclude"));
    }

    static JsonRecipe ReadJson(YamlFields f)
    {
        var json = f.Child("json") ?? throw f.Missing("json", "type json needs json: {items, title, link, date}");
        json.RejectUnknown("items", "title", "link", "date", "summary", "id");
        return new JsonRecipe(json.RequiredString("items"), json.RequiredString("title"), json.RequiredString("link"),
            json.OptionalString("date"), json.OptionalString("summary"), json.OptionalString("id"));
    }
}
