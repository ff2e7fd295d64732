using System.Text;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Alerts;

/// <summary>Prints alerts as short cards on standard output: what happened, where, from which source, why it matched.</summary>
public sealed class ConsoleAlertNotifier : IAlertNotifier
{
    /// <summary>Standard output by default; `poll --json` moves cards to standard error to keep its output one JSON object.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    public Task NotifyAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var alert in alerts)
        {
            var item = alert.Item.Item;
            var terms = string.Join(", ", alert.Match.Terms.Select(t => $"{t.Excerpt} ({t.Field.ToString().ToLowerInvariant()})").Distinct().Take(8));
            text.Append("[ALERT ").Append(alert.Match.Severity.ToString().ToUpperInvariant()).Append("] ").Append(alert.Match.RuleId)
                .Append(" · ").Append(alert.Item.FeedId).Append(alert.Item.Language is { } lang ? $" · {lang}" : "")
                .Append(item.Published is { } published ? $" · {published.UtcDateTime:yyyy-MM-dd HH:mm}Z" : "").AppendLine()
                .Append("  ").AppendLine(Clean(item.Title));
            if (item.Link is { } link) text.Append("  ").AppendLine(link.ToString());
            text.Append("  matched: ").AppendLine(Clean(terms));
        }
        var output = Output;
        lock (output) output.Write(text.ToString());
        return Task.CompletedTask;
    }

    /// <summary>Feed text may carry terminal escape sequences; none reach the operator's terminal.</summary>
    static string Clean(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
