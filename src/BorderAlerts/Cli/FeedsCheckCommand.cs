using BorderAlerts.Hosting;
using System.CommandLine;
using System.Text.Json;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Parsing;
using ParseResult = BorderAlerts.Core.Parsing.ParseResult;

namespace BorderAlerts.Cli;

/// <summary>`feeds check &lt;id|url&gt; [--json]`: fetch and parse one source and show its items. Changes nothing.</summary>
public static class FeedsCheckCommand
{
    public static Command Create(TextWriter output)
    {
        var target = new Argument<string>("id-or-url") { Description = "A feed id from feeds.yaml, or the address of an RSS/Atom/JSON feed" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("check", "Fetch and parse one source, show its items, store nothing") { target, json };
        command.SetAction((parse, ct) => RunAsync(output, parse.GetValue(target)!, parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, string target, bool json, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        var feed = Resolve(app.Services, target);
        var fetcher = app.Services.GetRequiredService<IFeedFetcher>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var fetched = await fetcher.FetchAsync(new FetchRequest(feed.Url), cancellationToken);
        var (parsed, error) = fetched switch
        {
            FetchResult.Fetched body => FeedParser.Parse(body.Body, body.ContentType, new ParseContext(feed, body.FinalUrl, now)) is var p
                ? (p, p.Error is null ? null : $"Parse: {p.Error}") : default,
            FetchResult.Failed failed => (null, $"{failed.Kind}: {failed.Message}"),
            _ => (null, "unexpected 304 on an unconditional request"),
        };
        if (json) output.WriteLine(CliJson.Serialize(Json(feed, parsed, error)));
        else Print(output, feed, parsed, error);
        return error is null ? CliApp.Ok : CliApp.Failure;
    }

    static FeedDefinition Resolve(IServiceProvider services, string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return new FeedDefinition { Id = "check", Name = url.Host, Url = url };
        var catalog = services.GetRequiredService<IFeedCatalog>().Current().Feeds;
        return catalog.FirstOrDefault(f => f.Id == target)
            ?? throw new CliInputException($"'{target}' is neither a feed id in feeds.yaml nor an http(s) address (known ids: {string.Join(", ", catalog.Select(f => f.Id))})");
    }

    static object Json(FeedDefinition feed, ParseResult? parsed, string? error) => new
    {
        feed = feed.Id, url = feed.Url.ToString(), ok = error is null, error, encoding = parsed?.EncodingName,
        items = (parsed?.Items ?? []).Select(i => new
        {
            title = i.Title, url = i.Link?.ToString(), guid = i.Guid, published = i.Published, text = i.Text.Length > 300 ? i.Text[..300] : i.Text,
        }),
    };

    static void Print(TextWriter output, FeedDefinition feed, ParseResult? parsed, string? error)
    {
        output.WriteLine($"{feed.Id} <{feed.Url}>");
        if (error is not null) { output.WriteLine($"FAILED: {error}"); return; }
        output.WriteLine($"{parsed!.Items.Count} items (encoding {parsed.EncodingName}{(parsed.Skipped > 0 ? $", {parsed.Skipped} skipped" : "")})");
        foreach (var item in parsed.Items)
            output.WriteLine($"- {item.Published?.ToString("yyyy-MM-dd HH:mm zzz") ?? "(no date)",-23}  {item.Title}\n  {item.Link?.ToString() ?? "(no link)"}");
    }
}
