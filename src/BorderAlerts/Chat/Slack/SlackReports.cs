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
        // Slack has no total for a message's blocks: each section its 3000 characters, 50 blocks (the header, summary and footer take 3).
        var limits = new ReportLayout.Limits(SlackBlocks.MaxBlocks - 3, heading => MaxSection - heading.Length, int.MaxValue / 2, 0);
        var layout = ReportLayout.Fit(report, limits, heading => "*" + SlackMrkdwn.Escape(TextCut.Truncate(heading, 200)) + "*\n", Line);
        foreach (var part in layout.Parts) blocks.Add(Section(part.Heading + part.Body));
        if (layout.Omitted > 0) blocks.Add(Section($"*{ReportLayout.More(layout.Omitted)}*\nleft out to keep the message within Slack's limits"));
        foreach (var part in layout.Pinned) blocks.Add(Section(part.Heading + part.Body));
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

    /// <summary>
    /// "• &lt;link|title&gt; — details" within <paramref name="room"/>, escaped and cut so one story stays one short line;
    /// linked only to an http(s) address, and without the link when the line would not fit with it.
    /// </summary>
    static string? Line(ReportLine line, int room)
    {
        var title = TextCut.Truncate(line.Text, 150);
        var detail = line.Detail is { } text ? " — " + SlackMrkdwn.Escape(TextCut.Truncate(text, 250)) : "";
        var linked = line.Link is { Scheme: "http" or "https" } url ? $"• {SlackMrkdwn.Link(url, title)}{detail}" : null;
        var plain = $"• {SlackMrkdwn.Escape(title)}{detail}";
        return linked is not null && linked.Length <= room ? linked : plain.Length <= room ? plain : null;
    }
}
