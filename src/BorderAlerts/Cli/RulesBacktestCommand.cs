using BorderAlerts.Hosting;
using BorderAlerts.Core.Search;
using System.CommandLine;
using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Cli;

/// <summary>`rules backtest &lt;id&gt; [--days N]`: run one rule over stored items; how often it would have fired.</summary>
public static class RulesBacktestCommand
{
    public static Command Create(TextWriter output)
    {
        var id = new Argument<string>("id") { Description = "Rule id" };
        var days = new Option<int>("--days") { Description = "How far back (default 30)", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("backtest", "Run a rule over stored items: matches, samples, how many it would have alerted") { id, days, json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(id)!, parse.GetValue(days), parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string id, int days, bool json, CancellationToken cancellationToken)
    {
        if (days is < 1 or > 3650) throw new CliInputException($"--days {days} is outside 1–3650");
        var rules = await RulesCommand.LoadAsync(cancellationToken);
        var rule = rules.Rules.FirstOrDefault(r => r.Id == id)
            ?? throw new CliInputException($"no rule '{id}' that compiles (rules: {string.Join(", ", rules.Rules.Select(r => r.Id))})");
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var since = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days);
        var (scanned, matched, wouldAlert, samples) = await Backtest.RunAsync(app.Services.GetRequiredService<IItemArchive>(), rule, rules.Concepts,
            since, 10, cancellationToken, rules.Watchlists);
        if (json)
            output.WriteLine(CliJson.Serialize(new
            {
                rule = id, days, scanned, matched, wouldAlert,
                samples = samples.Select(s => new { title = s.Title, url = s.Link?.ToString(), source = s.FeedId, seen = s.FirstSeen, published = s.Published }),
            }));
        else
        {
            output.WriteLine($"{id}: {matched} of {scanned} items in the last {days} days match; {wouldAlert} would have alerted (the rest came from first polls, which only seed)");
            foreach (var s in samples) output.WriteLine($"- {s.Dated.UtcDateTime:yyyy-MM-dd} {s.FeedId}: {s.Title}");
        }
        return CliApp.Ok;
    }
}
