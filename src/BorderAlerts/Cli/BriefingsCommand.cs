using System.CommandLine;
using System.Globalization;
using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Storage;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>`briefings list|run`: the scheduled briefings of config/briefings.yaml, their next and last runs, and a run now.</summary>
public static class BriefingsCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List briefings: schedule, time zone, next run, last run and its outcome") { json };
        list.SetAction((parse, ct) => ListAsync(output, parse.GetValue(json), ct));
        return new Command("briefings", "Scheduled briefings: list them, or post one now (or print what it would post)") { list, BriefingsRunCommand.Create(output) };
    }

    /// <summary>The briefing of that id in briefings.yaml, or bad input naming the ids there are.</summary>
    public static BriefingDefinition Resolve(IServiceProvider services, string id)
    {
        var briefings = services.GetRequiredService<FileBriefings>().Current;
        return briefings.FirstOrDefault(b => b.Id == id) ?? throw new CliInputException(
            $"no briefing '{id}' in briefings.yaml (known: {(briefings.Count == 0 ? "none" : string.Join(", ", briefings.Select(b => b.Id)))})");
    }

    static async Task<int> ListAsync(TextWriter output, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var briefings = app.Services.GetRequiredService<FileBriefings>().Current;
        var last = await app.Services.GetRequiredService<IBriefingRuns>().LastRunsAsync(cancellationToken);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rows = briefings.Select(b => (Briefing: b, Next: b.Enabled ? b.Schedule.NextAfter(now) : null, Last: last.GetValueOrDefault(b.Id))).ToList();
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                briefings = rows.Select(r => new
                {
                    id = r.Briefing.Id, name = r.Briefing.Name, cron = r.Briefing.Cron, timezone = r.Briefing.TimeZone.Id,
                    window = r.Briefing.Window.TotalSeconds, query = r.Briefing.Query, top = r.Briefing.Top, to = r.Briefing.To,
                    enabled = r.Briefing.Enabled, nextRun = r.Next,
                    lastRun = r.Last is { } run ? new
                    {
                        fireTime = run.FireTime, startedAt = run.StartedAt, finishedAt = run.FinishedAt,
                        outcome = run.Outcome.ToString().ToLowerInvariant(), error = run.Error,
                    } : null,
                }),
            }));
            return CliApp.Ok;
        }
        CliTable.Write(output, ["ID", "SCHEDULE", "TIMEZONE", "NEXT RUN", "LAST RUN", "OUTCOME", "TO"], [.. rows.Select(r => new[]
        {
            r.Briefing.Id, r.Briefing.Cron, r.Briefing.TimeZone.Id, r.Next is { } next ? $"{Local(next, r.Briefing.TimeZone)} (in {CliTable.Span(next - now)})" : "disabled",
            CliTable.Ago(r.Last?.FireTime, now), r.Last is { } run ? run.Outcome.ToString().ToLowerInvariant() + (run.Error is { } e ? $": {e}" : "") : "",
            string.Join(",", r.Briefing.To),
        })]);
        if (rows.Count == 0) output.WriteLine("(no briefings configured; add them to config/briefings.yaml)");
        return CliApp.Ok;
    }

    static string Local(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
