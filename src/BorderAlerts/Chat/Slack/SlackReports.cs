using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// A report (a briefing) as Block Kit within its limits (platform-contracts §S5: 50 blocks, header 150, section text
/// 3000, context 2000): a header, the summary, a section per heading with its lines, a context footer. Every text is
/// escaped; the plain-text fallback is the title and summary.
/// </summary>
public static class SlackReports
{
    const int MaxSection = 3000;

    public static JsonObject Message(ChatReport report, string? note = null)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = TextCut.Truncate(ChatText.Defuse(report.Title), 150) } },
            Section(SlackMrkdwn.Plain(report.Summary, MaxSection)),
        };
        foreach (var section in report.Sections.Take(SlackBlocks.MaxBlocks - 4))
        {
            var heading = "*" + SlackMrkdwn.Escape(TextCut.Truncate(section.Heading, 200)) + "*\n";
            blocks.Add(Section(heading + ChatText.FitLines([.. section.Lines.Select(Line)], MaxSection - heading.Length)));
        }
        var footer = string.Join(" · ", new[] { report.Footer, note ?? "" }.Where(t => t.Length > 0));
        if (footer.Length > 0)
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Plain(footer, 2000) }) });
        return new JsonObject
        {
            ["text"] = SlackMrkdwn.Plain($"{report.Title}: {report.Summary}", SlackBlocks.MaxFallback), ["blocks"] = blocks,
            ["unfurl_links"] = false, ["unfurl_media"] = false,
        };
    }

    static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } };

    /// <summary>"• &lt;link|title&gt; — details", escaped and cut so one story stays one short line.</summary>
    static string Line(ReportLine line)
    {
        var title = TextCut.Truncate(line.Text, 150);
        return "• " + (line.Link is { } url ? SlackMrkdwn.Link(url, title) : SlackMrkdwn.Escape(title)) +
            (line.Detail is { } detail ? " — " + SlackMrkdwn.Escape(TextCut.Truncate(detail, 250)) : "");
    }
}
