using BorderAlerts.Core.Text;
using System.Text;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Commands;

/// <summary>
/// `/feeds add … dry-run:yes`: fetches and parses the feed as its first poll would (through the checked client, as an
/// untrusted feed), and shows what would be added and the items found. Nothing is stored or changed.
/// </summary>
public sealed class FeedDryRun(IFeedFetcher fetcher, TimeProvider clock)
{
    const int Shown = 5;

    public async Task<CommandReply> RunAsync(ChatFeed feed, CancellationToken cancellationToken)
    {
        var definition = feed.ToDefinition(paused: false);
        var head = $"Dry run, nothing changed. /feeds add would add {feed.Id}: {FeedCommands.Shown(definition.Url)} · " +
            $"language: {feed.Language ?? "(guessed)"} · every {DurationParser.Format(feed.Every)}{FeedCommands.KindShown(feed.Kind)}";
        var fetched = await fetcher.FetchAsync(new FetchRequest(definition.Url, Untrusted: true), cancellationToken);
        if (fetched is not FetchResult.Fetched body)
            return CommandReply.Error($"{head}\nbut the feed could not be read: {TextCut.OneLine(fetched is FetchResult.Failed f ? $"{f.Kind}: {f.Message}" : "unexpected answer")}");
        var parsed = FeedParser.Parse(body.Body, body.ContentType, new ParseContext(definition, body.FinalUrl, clock.GetUtcNow()));
        if (!parsed.Ok) return CommandReply.Error($"{head}\nbut the feed could not be parsed: {TextCut.OneLine(parsed.Error)}");
        var text = new StringBuilder($"{head}\nIt has {parsed.Items.Count} items (encoding {parsed.EncodingName}); its first poll would record them without alerting:");
        foreach (var item in parsed.Items.Take(Shown))
            text.Append($"\n• {item.Published?.UtcDateTime.ToString("yyyy-MM-dd") ?? "(no date)"} {TextCut.Truncate(TextCut.OneLine(item.Title), 150)}");
        if (parsed.Items.Count > Shown) text.Append($"\n… and {parsed.Items.Count - Shown} more");
        return new CommandReply(text.ToString());
    }
}
