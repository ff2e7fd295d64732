using System.Text;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Slack mrkdwn for feed text: &amp;, &lt;, &gt; escaped (so &lt;!channel&gt; and links cannot be forged), formatting
/// characters neutralised with a zero-width joiner, @here/@channel/@everyone defused.
/// https://api.slack.com/reference/surfaces/formatting#escaping
/// </summary>
public static class SlackMrkdwn
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in ChatText.Defuse(text))
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '*' or '_' or '~' or '`': builder.Append(c).Append('\u200D'); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    public static string Link(Uri url, string label) => $"<{url.AbsoluteUri.Replace("|", "%7C").Replace(">", "%3E")}|{Escape(label).Replace("|", "¦")}>";

    public static string Bold(string text, IReadOnlyList<Highlight> spans, int max)
    {
        var builder = new StringBuilder();
        int at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Start + span.Length > text.Length) continue;
            var piece = Escape(text[at..span.Start]) + "*" + Escape(text.Substring(span.Start, span.Length)) + "*";
            if (builder.Length + piece.Length > max - 1) break;
            builder.Append(piece);
            at = span.Start + span.Length;
        }
        var tail = Escape(text[at..]);
        if (builder.Length + tail.Length > max)
        {
            tail = ChatText.Truncate(tail, max - builder.Length);
            var amp = tail.LastIndexOf('&');
            if (amp >= 0 && tail.IndexOf(';', amp) < 0) tail = tail[..amp] + ChatText.Ellipsis; // never cut an entity in half
        }
        return builder.Append(tail).ToString();
    }
}
