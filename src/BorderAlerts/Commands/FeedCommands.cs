using BorderAlerts.Core.Text;
using System.Text;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Commands;

/// <summary>`/feeds list|status` for everyone; `add|pause|resume|remove` for admins, in <see cref="FeedWrites"/>.</summary>
public sealed class FeedCommands(IFeedCatalog catalog, IFeedHealthReader health, FeedWrites writes, AdminWriter admin, TimeProvider clock)
{
    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "list" => ListAsync(cancellationToken),
        "status" => StatusAsync(request.Required("id"), cancellationToken),
        _ => writes.HandleAsync(request, cancellationToken),
    };

    public static FeedDefinition Find(IFeedCatalog catalog, string id) =>
        catalog.Current().Feeds.FirstOrDefault(f => f.Id == id) ?? throw new CommandInputException($"There is no feed '{id}' (see /feeds list).");

    async Task<CommandReply> ListAsync(CancellationToken cancellationToken)
    {
        var feeds = catalog.Current().Feeds;
        var rows = (await health.ListHealthAsync(clock.GetUtcNow(), cancellationToken)).ToDictionary(h => h.FeedId);
        var text = new StringBuilder($"{feeds.Count} feeds:");
        foreach (var feed in feeds)
            text.Append($"\n• {feed.Id}{(feed.Kind is { } kind ? $" ({kind})" : "")} {Status(feed, rows.GetValueOrDefault(feed.Id))}{Origin(feed)}");
        return new CommandReply(text.ToString());
    }

    async Task<CommandReply> StatusAsync(string id, CancellationToken cancellationToken)
    {
        var feed = Find(catalog, id);
        var now = clock.GetUtcNow();
        var row = (await health.ListHealthAsync(now, cancellationToken)).FirstOrDefault(h => h.FeedId == id);
        var text = new StringBuilder($"{feed.Id}: {TextCut.OneLine(feed.Name)}{KindShown(feed.Kind)}{Origin(feed)}\n{Shown(feed.Url)}\n{Status(feed, row)} · {feed.Schedule}");
        if (row is not null)
        {
            text.Append($"\nlast success: {When(row.LastSuccessAt)} · last new item: {When(row.LastNewItemAt)} · items in 24 h: {row.ItemsLast24h}");
            if (row.ConsecutiveFailures > 0) text.Append($"\n{row.ConsecutiveFailures} failures in a row; last error: {TextCut.OneLine(row.LastError)}");
            if (feed.Enabled) text.Append($"\nnext poll: {When(row.NextPollAt)}");
        }
        return new CommandReply(text.ToString());
    }

    static string Status(FeedDefinition feed, FeedHealth? row) =>
        !feed.Enabled ? "paused" : row?.LastAttemptAt is null ? "new" : row.ConsecutiveFailures > 0 ? $"failing ({row.ConsecutiveFailures}×)"
        : SourceHealthMonitor.SelectorFoundNothing(feed, row) ? $"⚠ {SelectorWarning}" : "ok";

    public const string SelectorWarning = "its selector found no items on the last poll (it used to find some): has the page changed?";

    string Origin(FeedDefinition feed) => admin.Current.Get(AdminKinds.Feed, feed.Id) is null ? "" : feed.Untrusted ? " (added from chat)" : " (paused from chat)";

    /// <summary>Feed addresses often carry API keys in their query; chat shows host and path only.</summary>
    public static string Shown(Uri url) => $"{url.Scheme}://{url.Authority}{url.AbsolutePath}{(url.Query.Length > 1 ? "?…" : "")}";

    /// <summary>" · kind: wire", or nothing for a feed without a kind.</summary>
    public static string KindShown(string? kind) => kind is null ? "" : $" · kind: {kind}";

    static string When(DateTimeOffset? at) => at is { } t ? $"{t.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "never";
}
