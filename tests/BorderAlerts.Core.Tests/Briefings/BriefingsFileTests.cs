using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Config;
using BorderAlerts.Core.Tests.Feeds;

namespace BorderAlerts.Core.Tests.Briefings;

/// <summary>config/briefings.yaml: every field read, the defaults, and every bad value named by file, line and field, all at once.</summary>
public class BriefingsFileTests
{
    const string File = "config/briefings.yaml";
    static readonly FakeCron Cron = new(FakeCron.Firing("0 0 8 ? * MON-FRI", DateTimeOffset.UtcNow.AddDays(1)));
    static readonly BriefingChecks Checks = new(Cron, name => name is "analysts" or "console",
        query => query.Contains("@nope") ? "unknown concept @nope" : null);

    static IReadOnlyList<BriefingDefinition> Parse(string yaml) => BriefingsFile.Parse(yaml, File, Checks);

    [Fact]
    public void Reads_every_field_and_the_defaults()
    {
        var briefings = Parse("""
            briefings:
              - id: morning
                name: Morning brief
                cron: "0 0 8 ? * MON-FRI"
                timezone: Asia/Seoul
                window: 12h
                query: "@dprk"
                top: 5
                to: [analysts, console]
              - id: plain
                cron: "0 0 8 ? * MON-FRI"
                to: analysts
                enabled: false
            """);

        var morning = briefings[0];
        Assert.Equal(("morning", "Morning brief", "0 0 8 ? * MON-FRI", "Asia/Seoul", TimeSpan.FromHours(12), "@dprk", 5),
            (morning.Id, morning.Name, morning.Cron, morning.TimeZone.Id, morning.Window, morning.Query, morning.Top));
        Assert.Equal(["analysts", "console"], morning.To);
        Assert.Equal((true, 2), (morning.Enabled, morning.Line));
        var plain = briefings[1];
        Assert.Equal(("plain", "UTC", TimeSpan.FromHours(24), null, 10, false), (plain.Name, plain.TimeZone.Id, plain.Window, plain.Query, plain.Top, plain.Enabled));
        Assert.Equal(["analysts"], plain.To);
    }

    [Fact]
    public void A_missing_file_means_no_briefings() => Assert.Empty(BriefingsFile.Load("/nonexistent/briefings.yaml", Checks));

    [Theory]
    [InlineData("cron: \"0 0 25 ? * *\"", 3, "briefings[0].cron", "is not a Quartz cron expression")]
    [InlineData("timezone: Mars/Olympus", 3, "briefings[0].timezone", "'Mars/Olympus' is not a known time zone")]
    [InlineData("to: [nobody]", 3, "briefings[0].to", "'nobody' is not a destination in settings")]
    [InlineData("window: 90d", 3, "briefings[0].window", "'90d' is not a duration from 1h to 31d")]
    [InlineData("top: 0", 3, "briefings[0].top", "'0' is not a whole number from 1 to 25")]
    [InlineData("query: \"@nope\"", 3, "briefings[0].query", "unknown concept @nope")]
    [InlineData("colour: red", 3, "briefings[0].colour", "unknown field")]
    public void A_bad_value_names_file_line_and_field(string line, int number, string field, string problem)
    {
        var yaml = "briefings:\n  - id: morning\n    " + line + "\n" +
            (line.StartsWith("cron") ? "" : "    cron: \"0 0 8 ? * MON-FRI\"\n") + (line.StartsWith("to:") ? "" : "    to: [analysts]\n");

        var error = Assert.Throws<ConfigException>(() => Parse(yaml));

        Assert.Equal((File, number, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_at_once_and_a_missing_cron_or_destination_too()
    {
        var error = Assert.Throws<ConfigException>(() => Parse("""
            briefings:
              - id: Morning
                cron: "0 0 8 ? * MON-FRI"
                to: [analysts]
              - id: evening
              - id: evening
                cron: "0 0 8 ? * MON-FRI"
                to: [analysts]
            """));

        Assert.Equal(["briefings[0].id", "briefings[1].cron", "briefings[1].to", "briefings[2].id"], error.All.Select(e => e.Field));
        Assert.Contains("duplicate id 'evening'", error.All[^1].Problem);
    }

    [Fact]
    public void The_shipped_file_reads_and_is_disabled_to_the_console()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "../../../../../config/briefings.yaml");
        var checks = new BriefingChecks(new FakeCron(FakeCron.Firing("0 0 8 ? * MON-FRI", DateTimeOffset.UtcNow.AddDays(1))), name => name == "console", _ => null);

        var briefing = Assert.Single(BriefingsFile.Load(shipped, checks));

        Assert.Equal(("morning", false, "Asia/Seoul"), (briefing.Id, briefing.Enabled, briefing.TimeZone.Id));
        Assert.Equal(["console"], briefing.To);
    }
}
