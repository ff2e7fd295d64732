using BorderAlerts.Commands;
using BorderAlerts.Hosting;
using System.CommandLine;

namespace BorderAlerts.Cli;

/// <summary>
/// `rules feedback [--days N] [--json]`: each rule's alerts and precision as the team judged its cards with the "Not
/// relevant" button; an alert nobody marked within a day counts as relevant.
/// </summary>
public static class RulesFeedbackCommand
{
    public static Command Create(TextWriter output)
    {
        var days = new Option<int>("--days") { Description = "How far back (default 30)", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("feedback", "Each rule's precision as the team judged its cards (the Not relevant button)") { days, json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(days), parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, int days, bool json, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 3650) throw new CliInputException($"--days {days} is outside 1–3650");
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var rows = await app.Services.GetRequiredService<FeedbackCommands>().TallyAsync(days, cancellationToken);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                days,
                rules = rows.Select(r => new { rule = r.Rule, alerts = r.Alerts, relevant = r.Relevant, notRelevant = r.NotRelevant, pending = r.Pending, precision = r.Precision }),
            }));
            return CliApp.Ok;
        }
        output.WriteLine($"Cards of the last {days} days (an alert nobody marked not relevant within a day counts as relevant):");
        CliTable.Write(output, ["RULE", "ALERTS", "RELEVANT", "NOT RELEVANT", "UNDER A DAY", "PRECISION"],
            rows.Select(r => new[] { r.Rule, $"{r.Alerts}", $"{r.Relevant}", $"{r.NotRelevant}", $"{r.Pending}", r.Precision is { } p ? $"{p * 100:0}%" : "—" }).ToList());
        return CliApp.Ok;
    }
}
