using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Briefings;

/// <summary>
/// `briefings list` (schedule, zone, next run, last run and outcome; --json) and `briefings run ID [--dry-run] [--json]`,
/// and a bad briefings.yaml stopping a command, and the service's start, with exit code 2 naming file, line and field.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BriefingsCommandTests
{
    static CliSession Session(string briefings)
    {
        var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        File.WriteAllText(Path.Combine(session.Folder.Config, "briefings.yaml"), briefings);
        return session;
    }

    const string Morning = """
        briefings:
          - id: morning
            name: Morning brief
            cron: "0 0 8 ? * MON-FRI"
            timezone: Asia/Seoul
            to: [console]
        """;

    [Fact]
    public async Task List_shows_the_schedule_and_next_run_and_after_a_run_its_outcome()
    {
        using var session = Session(Morning);

        var before = await session.RunAsync("briefings", "list");
        var posted = await session.RunAsync("briefings", "run", "morning");
        var after = await session.RunAsync("briefings", "list", "--json");

        Assert.Equal((0, 0, 0), (before.ExitCode, posted.ExitCode, after.ExitCode));
        Assert.Matches(@"morning\s+0 0 8 \? \* MON-FRI\s+Asia/Seoul\s+\d{4}-\d\d-\d\d 08:00 \(in \d+[smhd]\)\s+never\s+console", before.Stdout);
        Assert.Contains("[BRIEFING] Morning brief", posted.Stdout); // the console destination
        Assert.Contains("console: posted", posted.Stdout);
        var listed = JsonDocument.Parse(after.Stdout).RootElement.GetProperty("briefings")[0];
        Assert.Equal(("morning", "0 0 8 ? * MON-FRI", "Asia/Seoul", "posted"), (listed.GetProperty("id").GetString(), listed.GetProperty("cron").GetString(),
            listed.GetProperty("timezone").GetString(), listed.GetProperty("lastRun").GetProperty("outcome").GetString()));
        var next = listed.GetProperty("nextRun").GetDateTimeOffset();
        Assert.Equal((8, 0), (TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).Hour, next.Minute));
    }

    [Fact]
    public async Task A_dry_run_prints_the_brief_as_json_and_posts_and_records_nothing()
    {
        using var session = Session(Morning);

        var run = await session.RunAsync("briefings", "run", "morning", "--dry-run", "--json");
        var list = await session.RunAsync("briefings", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(("morning", "dry-run", true), (json.GetProperty("briefing").GetString(), json.GetProperty("outcome").GetString(),
            json.GetProperty("brief").GetProperty("quiet").GetBoolean()));
        Assert.StartsWith("Quiet: no alerted items in ", json.GetProperty("brief").GetProperty("summary").GetString());
        Assert.Equal(48, json.GetProperty("brief").GetProperty("volume").GetProperty("counts").GetArrayLength());
        Assert.DoesNotContain("[BRIEFING]", run.Stdout + run.Stderr);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(list.Stdout).RootElement.GetProperty("briefings")[0].GetProperty("lastRun").ValueKind);
    }

    [Fact]
    public async Task An_unknown_briefing_is_bad_input_naming_the_known_ones()
    {
        using var session = Session(Morning);

        var run = await session.RunAsync("briefings", "run", "evening");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no briefing 'evening' in briefings.yaml (known: morning)", run.Stderr);
    }

    [Theory]
    [InlineData("briefings", "list")]
    [InlineData("run", null)]
    public async Task A_bad_briefings_yaml_exits_2_naming_file_line_and_field(string command, string? sub)
    {
        using var session = Session(Morning.Replace("to: [console]", "to: [analysts]"));

        var run = await session.RunAsync(sub is null ? [command] : [command, sub]).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(session.Folder.Config, "briefings.yaml")}:6: briefings[0].to: 'analysts' is not a destination in settings", run.Stderr);
    }
}
