using BorderAlerts.Hosting;
using System.CommandLine;
using System.Text.Json;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Cli;

/// <summary>`feeds list [--json]`: every configured source, its health record and its median delays (<see cref="SourceLatencies"/>).</summary>
public static class FeedsListCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List sources: last success, failures, last error, last new item, next poll, items in 24 h, median delays from publication to detection and to delivery") { json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var feeds = app.Services.GetRequiredService<IFeedCatalog>().Current().Feeds;
        await app.Services.GetRequiredService<IPollStore>().SyncFeedsAsync(feeds, clock.GetUtcNow(), cancellationToken);
        var health = await app.Services.GetRequiredService<IFeedHealthReader>().ListHealthAsync(clock.GetUtcNow(), cancellationToken);
        var latency = await SourceLatencies.ReadAsync(app.Services.GetRequiredService<ISourceLatencyReader>(), clock.GetUtcNow(), cancellationToken);
        var names = feeds.ToDictionary(f => f.Id);
        var rows = health.Where(h => names.ContainsKey(h.FeedId)).Select(h => (Health: h, Latency: latency.GetValueOrDefault(h.FeedId, SourceLatency.None))).ToList();
        if (json) output.WriteLine(CliJson.Serialize(new { feeds = rows.Select(r => Json(r.Health, names[r.Health.FeedId], r.Latency)) }));
        else Table(output, rows, names, clock.GetUtcNow());
        return CliApp.Ok;
    }

    static object Json(FeedHealth h, FeedDefinition f, SourceLatency latency) => new
    {
        id = h.FeedId, name = f.Name, url = h.Url, type = f.Type.ToString().ToLowerInvariant(), kind = f.Kind, language = f.Language,
        every = f.Cron is null ? f.Every.TotalSeconds : (double?)null, cron = f.Cron?.Expression, timezone = f.TimeZone.Id, enabled = h.Enabled, status = Status(h, f), warning = Warning(h, f), lastSuccess = h.LastSuccessAt, lastAttempt = h.LastAttemptAt,
        consecutiveFailures = h.ConsecutiveFailures, lastError = h.LastError, lastStatus = h.LastStatus, lastNewItem = h.LastNewItemAt,
        nextPoll = h.NextPollAt, itemsLast24h = h.ItemsLast24h, lastItemsFound = h.LastItemsFound, totalItems = h.TotalItems,
        medianDetectionDelay = latency.Detection?.TotalSeconds, medianDeliveryDelay = latency.Delivery?.TotalSeconds,
    };

    static string Status(FeedHealth h, FeedDefinition f) =>
        !h.Enabled ? "disabled" : h.LastAttemptAt is null ? "new" : h.ConsecutiveFailures > 0 ? "failing" : Warning(h, f) is null ? "ok" : "warning";

    static string? Warning(FeedHealth h, FeedDefinition f) =>
        h.Enabled && SourceHealthMonitor.SelectorFoundNothing(f, h) ? Commands.FeedCommands.SelectorWarning : null;

    static void Table(TextWriter output, List<(FeedHealth Health, SourceLatency Latency)> rows, Dictionary<string, FeedDefinition> names, DateTimeOffset now)
    {
        var header = new[] { "ID", "KIND", "STATUS", "LAST SUCCESS", "FAILS", "LAST NEW ITEM", "NEXT POLL", "24H", "TO DETECT", "TO DELIVER", "LAST ERROR / WARNING" };
        var cells = rows.Select(r => Cells(r.Health, r.Latency, names[r.Health.FeedId], now)).ToList();
        CliTable.Write(output, header, cells);
        if (rows.Count == 0) output.WriteLine($"(no feeds configured; add them to config/feeds.yaml)");
    }

    static string[] Cells(FeedHealth h, SourceLatency latency, FeedDefinition f, DateTimeOffset now) =>
    [
        h.FeedId, f.Kind ?? "", Status(h, f), Ago(h.LastSuccessAt, now), h.ConsecutiveFailures.ToString(), Ago(h.LastNewItemAt, now),
        In(h.NextPollAt, now), h.ItemsLast24h.ToString(), SourceLatency.Describe(latency.Detection), SourceLatency.Describe(latency.Delivery),
        h.ConsecutiveFailures > 0 ? Short(h.LastError) : Warning(h, f) ?? "",
    ];

    static string Ago(DateTimeOffset? at, DateTimeOffset now) => CliTable.Ago(at, now);
    static string In(DateTimeOffset at, DateTimeOffset now) => at <= now ? "due" : "in " + CliTable.Span(at - now);
    static string Short(string? error) => error is null ? "" : error.Length > 80 ? error[..77] + "..." : error;
}
