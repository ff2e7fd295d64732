using System.CommandLine;
using BorderAlerts.Chat;
using BorderAlerts.Core.Briefings;
using BorderAlerts.Hosting;

namespace BorderAlerts.Cli;

/// <summary>
/// `briefings run ID [--dry-run] [--json] [--chart FILE]`: posts the briefing of the window ending now, as its schedule would
/// (recorded as a run; retried and dead-lettered like a card; exit 1 when a destination was not reached), or with
/// --dry-run prints what it would post and posts nothing. --chart writes the chart's PNG.
/// </summary>
public static class BriefingsRunCommand
{
    public static Command Create(TextWriter output)
    {
        var id = new Argument<string>("id") { Description = "The briefing's id in briefings.yaml" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be posted; post nothing" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var chart = new Option<string?>("--chart") { Description = "Write the chart's PNG to this file" };
        var command = new Command("run", "Post a briefing now, or with --dry-run print it") { id, dryRun, json, chart };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(id)!, parse.GetValue(dryRun), parse.GetValue(json), parse.GetValue(chart), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string id, bool dryRun, bool json, string? chartFile, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var briefing = BriefingsCommand.Resolve(app.Services, id);
        var runner = app.Services.GetRequiredService<BriefingRunner>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        now = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()); // the store keeps milliseconds
        app.Services.GetRequiredService<ConsoleSink>().Output = json ? Console.Error : output; // a console destination must not break the JSON
        if (dryRun)
        {
            var post = await runner.ComposeAsync(briefing, now, cancellationToken);
            WriteChart(post, chartFile);
            output.Write(json ? CliJson.Serialize(BriefingJson.Of(post, null)) + "\n" : ConsoleSink.Describe(post.Report));
            return CliApp.Ok;
        }
        var result = await runner.RunAsync(briefing, now, cancellationToken);
        if (result.Post is { } posted) WriteChart(posted, chartFile);
        if (json) output.WriteLine(CliJson.Serialize(BriefingJson.Of(result.Post, result)));
        else foreach (var (destination, error) in result.Destinations) output.WriteLine($"{destination}: {error ?? "posted"}");
        return result.Outcome == Core.Storage.BriefingOutcome.Posted ? CliApp.Ok : CliApp.Failure;
    }

    static void WriteChart(BriefingPost post, string? file)
    {
        if (file is not null && post.Report.Image is { } image) File.WriteAllBytes(file, image.Png);
    }
}
