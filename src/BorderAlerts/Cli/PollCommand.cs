using BorderAlerts.Hosting;
using System.CommandLine;
using System.Text.Json;
using BorderAlerts.Chat;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Cli;

/// <summary>`poll [--all | --feed ID…] [--json]`: one pass, then exit.</summary>
public static class PollCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var all = new Option<bool>("--all") { Description = "Poll every enabled feed now, due or not" };
        var feeds = new Option<string[]>("--feed") { Description = "Poll these feeds now, due or not", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the counts" };
        var command = new Command("poll", "Poll the due feeds once (or --all, or --feed ID…), store new items, then exit") { all, feeds, json };
        command.Validators.Add(r =>
        {
            // GetResult, not GetValue: `--feed` without an id has its own parse error, and GetValue would throw.
            if (r.GetValue(all) && r.GetResult(feeds) is { Tokens.Count: > 0 }) r.AddError("--all and --feed cannot be used together");
        });
        command.SetAction((parse, ct) => RunAsync(output, errors, parse.GetValue(all), parse.GetValue(feeds) ?? [], parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, TextWriter errors, bool all, string[] feedIds, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        app.Services.GetRequiredService<ConsoleSink>().Output = json ? errors : output;
        var runner = app.Services.GetRequiredService<PollRunner>();
        var catalog = app.Services.GetRequiredService<IFeedCatalog>().Current().Feeds;
        var summary = all || feedIds.Length > 0
            ? await runner.RunNowAsync(Select(catalog, all, feedIds), cancellationToken, keepItems: false)
            : await runner.RunDueAsync(cancellationToken, keepItems: false);
        var delivered = await app.Services.GetRequiredService<DeliveryRunner>().RunAsync(cancellationToken);
        if (json) output.WriteLine(CliJson.Serialize(Counts(summary, delivered)));
        else Print(output, summary, delivered);
        return summary.Feeds > 0 && summary.Failed == summary.Feeds ? CliApp.Failure : CliApp.Ok;
    }

    static string[] Select(IReadOnlyList<FeedDefinition> catalog, bool all, string[] feedIds)
    {
        if (all) return catalog.Where(f => f.Enabled).Select(f => f.Id).ToArray();
        var known = catalog.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = feedIds.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
            throw new CliInputException($"unknown feed {string.Join(", ", unknown.Select(u => $"'{u}'"))} (known: {string.Join(", ", catalog.Select(f => f.Id))})");
        return feedIds.Distinct().ToArray();
    }

    public static object Counts(PollSummary s, int delivered) =>
        new { feeds = s.Feeds, fetched = s.Fetched, notModified = s.NotModified, failed = s.Failed, newItems = s.NewItems, alerts = s.Alerts, delivered };

    static void Print(TextWriter output, PollSummary summary, int delivered)
    {
        foreach (var r in summary.Reports.OrderBy(r => r.FeedId))
        {
            var what = r.Status switch
            {
                PollStatus.Fetched => $"fetched, {r.ItemsFound} items, {r.NewItems} new",
                PollStatus.NotModified => "not modified",
                PollStatus.Pushed => $"pushed, {r.ItemsFound} items, {r.NewItems} new",
                _ => $"FAILED: {r.Error}",
            };
            output.WriteLine($"{r.FeedId}: {what}; next poll {r.NextPollAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        }
        output.WriteLine($"{summary.Feeds} feeds: {summary.Fetched} fetched, {summary.NotModified} not modified, {summary.Failed} failed, {summary.NewItems} new items, {summary.Alerts} alerts, {delivered} delivered");
    }
}
