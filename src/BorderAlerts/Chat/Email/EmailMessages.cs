using System.Net;
using System.Text;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Text;
using MimeKit;

namespace BorderAlerts.Chat.Email;

/// <summary>
/// Chat messages as email: a briefing as HTML (title, summary, headed lists of linked lines, the chart inline by
/// Content-ID) with the console's text as the plain alternative; cards, digests and notices as that text alone. Every
/// text is HTML-encoded; links are http(s) only; the subject is one line.
/// </summary>
public static class EmailMessages
{
    public static MimeMessage Of(ChatMessage message, MailboxAddress from, IReadOnlyList<MailboxAddress> to)
    {
        var mail = new MimeMessage { Subject = TextCut.OneLine(TextCut.Truncate(Subject(message), 200)) };
        mail.From.Add(from);
        mail.To.AddRange(to);
        var body = new BodyBuilder { TextBody = ConsoleSink.Text(message) };
        if (message is ChatMessage.Report { Content: var report }) body.HtmlBody = Html(report, body);
        mail.Body = body.ToMessageBody();
        return mail;
    }

    static string Subject(ChatMessage message) => message switch
    {
        ChatMessage.Report report => report.Content.Title,
        ChatMessage.Cards { Items: [var card] } => $"[{card.Severity}] {card.Title}",
        ChatMessage.Cards cards => $"{cards.Items.Count} alerts: {cards.Items[0].Title}",
        ChatMessage.Reply reply => $"Also reported: {reply.Card.Title}",
        ChatMessage.Digest digest => $"Digest: {digest.RuleName} ({digest.Items.Count} alerts)",
        ChatMessage.Notice => "BorderAlerts notice",
        _ => "BorderAlerts",
    };

    static string Html(ChatReport report, BodyBuilder body)
    {
        string E(string text) => WebUtility.HtmlEncode(ChatText.Defuse(text)); // no feed title mentions anyone, wherever the mail is passed on
        var html = new StringBuilder($"<h2>{E(report.Title)}</h2>\n<p>{E(report.Summary)}</p>\n");
        foreach (var section in report.Sections)
        {
            html.Append($"<h3>{E(section.Heading)}</h3>\n<ul>\n");
            foreach (var line in section.Lines)
                html.Append("<li>").Append(line.Link is { Scheme: "http" or "https" } url ? $"<a href=\"{E(url.AbsoluteUri)}\">{E(line.Text)}</a>" : E(line.Text))
                    .Append(line.Detail is { } detail ? $" — {E(detail)}" : "").Append("</li>\n");
            html.Append("</ul>\n");
        }
        if (report.Image is { } image)
        {
            var chart = body.LinkedResources.Add(image.FileName, image.Png, new ContentType("image", "png"));
            chart.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId();
            html.Append($"<p><img src=\"cid:{chart.ContentId}\" alt=\"{E(image.Description)}\" width=\"800\" height=\"360\"></p>\n");
        }
        if (report.Footer.Length > 0) html.Append($"<p><small>{E(report.Footer)}</small></p>\n");
        return html.ToString();
    }
}
