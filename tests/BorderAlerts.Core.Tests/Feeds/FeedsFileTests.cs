using BorderAlerts.Core.Config;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Tests.Feeds;

public class FeedsFileTests
{
    const string Good = """
        feeds:
          - id: kyodo-zh
            name: Kyodo
            url: https://china.kyodonews.net/rss/news.xml
            language: zh-Hans
            timezone: Asia/Tokyo
            every: 2m
          - id: uri
            url: http://www.uriminzokkiri.com/index.php
            type: html
            html: { item: div.x, title: a, date: i.date }
          - id: cankao
            url: https://china.cankaoxiaoxi.com/json/channel/diyi/list.json
            type: json
            json: { items: list, title: data.title, link: data.url }
        """;

    [Fact]
    public void Reads_every_field_of_the_three_source_types()
    {
        var feeds = FeedsFile.Parse(Good, "feeds.yaml");
        Assert.Equal(3, feeds.Count);
        Assert.Equal(TimeSpan.FromMinutes(2), feeds[0].Every);
        Assert.Equal("Asia/Tokyo", feeds[0].TimeZone.Id);
        Assert.Equal(FeedType.Html, feeds[1].Type);
        Assert.Equal("i.date", feeds[1].Html!.Date);
        Assert.Equal(TimeSpan.FromMinutes(10), feeds[1].Every);
        Assert.Equal("data.url", feeds[2].Json!.Link);
    }

    [Fact]
    public void The_shipped_feeds_file_is_valid_and_names_the_four_outlets()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../config/feeds.yaml");
        var ids = FeedsFile.Load(path).Select(f => f.Id).ToList();
        Assert.Contains("kyodo-zh-hans", ids);
        Assert.Contains("kyodo-zh-hant", ids);
        Assert.Contains("state-press-releases", ids);
        Assert.Contains("state-east-asia-pacific", ids);
        Assert.Contains("cankaoxiaoxi", ids);
        Assert.Contains("uriminzokkiri", ids);
    }

    [Theory]
    [InlineData("state media", "state media")]
    [InlineData("State  Media", "state media")]
    [InlineData("NGO", "ngo")]
    [InlineData(null, null)]
    public void A_source_kind_is_read_from_the_documented_list_and_none_by_default(string? written, string? kind)
    {
        var yaml = "feeds:\n  - id: a\n    url: http://x/\n" + (written is null ? "" : $"    kind: {written}\n");
        Assert.Equal(kind, FeedsFile.Parse(yaml, "feeds.yaml").Single().Kind);
    }

    [Fact]
    public void The_shipped_sources_say_what_kind_of_outlet_they_are()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../config/feeds.yaml");
        var kinds = FeedsFile.Load(path).ToDictionary(f => f.Id, f => f.Kind);
        Assert.Equal("state media", kinds["cankaoxiaoxi"]);
        Assert.Equal("state media", kinds["uriminzokkiri"]);
        Assert.Equal("wire", kinds["kyodo-zh-hans"]);
        Assert.Equal("wire", kinds["kyodo-zh-hant"]);
        Assert.Equal("government", kinds["state-press-releases"]);
        Assert.Equal("government", kinds["state-east-asia-pacific"]);
    }

    [Theory]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: 10x\n", 4, "feeds[0].every", "not a duration")]
    [InlineData("feeds:\n  - id: a\n    name: no url\n", 2, "feeds[0].url", "is required")]
    [InlineData("feeds:\n  - id: a\n    url: ftp://x/\n", 3, "feeds[0].url", "http(s)")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n  - id: a\n    url: http://y/\n", 4, "feeds[1].id", "duplicate")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    type: csv\n", 4, "feeds[0].type", "not one of")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    type: html\n", 2, "feeds[0].html", "needs html")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    colour: red\n", 4, "feeds[0].colour", "unknown field")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    timezone: Mars/Olympus\n", 4, "feeds[0].timezone", "not a known time zone")]
    [InlineData("feeds:\n  - id: Bad Id\n    url: http://x/\n", 2, "feeds[0].id", "lower-case")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    kind: tabloid\n", 4, "feeds[0].kind", "'tabloid' is not one of state media, wire, government, ngo")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    kind: [wire]\n", 4, "feeds[0].kind", "expected a single value")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: auto\n    min: soon\n", 5, "feeds[0].min", "'soon' is not a duration")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: auto\n    max: 1x\n", 5, "feeds[0].max", "'1x' is not a duration")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: auto\n    min: 10s\n", 5, "feeds[0].min", "too often (at least 30s)")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: auto\n    min: 30m\n    max: 10m\n", 6, "feeds[0].max", "'10m' is shorter than min (30m)")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: auto\n    min: 2h\n", 5, "feeds[0].min", "longer than the default max (1h)")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: 10m\n    max: 1h\n", 5, "feeds[0].max", "only goes with every: auto")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    min: 1m\n", 4, "feeds[0].min", "only goes with every: auto")]
    [InlineData("feeds:\n  - id: a\n    url: http://x/\n    every: sometimes\n", 4, "feeds[0].every", "(examples: 30s, 10m, 2h, or auto)")]
    [InlineData("feeds:\n  - id: a\n    url: [http://x/\n", 4, "yaml", "")]
    [InlineData("concepts:\n  dandong: [丹东\nrules: - broken\n", 3, "yaml", "unclosed")]
    public void A_bad_file_is_rejected_with_line_and_field(string yaml, int line, string field, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => FeedsFile.Parse(yaml, "config/feeds.yaml"));
        Assert.Equal("config/feeds.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"config/feeds.yaml:{line}: {field}:", error.Message);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d", 86400)]
    public void Durations_read_as_written(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("0s")]
    [InlineData("5w")]
    [InlineData("-5m")]
    public void Nonsense_durations_are_refused(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
