using BorderAlerts.Core.Text;
using System.Text;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Slack mrkdwn for feed text: &amp;, &lt;, &gt; escaped (so &lt;!channel&gt; and links cannot be forged), formatting
/// characters neutralised with a zero-width joiner (except inside URLs, which must copy as they are), @here/@channel/@everyone defused.
/// https://api.slack.com/reference/surfaces/formatting#escaping
/// </summary>
public static class SlackMrkdwn
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var defused = ChatText.Defuse(text);
        var inUrl = ChatText.UrlChars(defused);
        for (int i = 0; i < defused.Length; i++)
        {
            var c = defused[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '*' or '_' or '~' or '`' when !inUrl[i]: builder.Append(c).Append('\u200D'); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// A message's top-level <c>text</c> (what notifications show): Slack parses it for &lt;!channel&gt;, &lt;@U…&gt;,
    /// &lt;!subteam^…&gt; and links like mrkdwn, so &amp;, &lt; and &gt; are escaped here too, after invisible characters
    /// are dropped (a zero-width space inside &lt;!he​re&gt; would otherwise survive the check and vanish later).
    /// Formatting marks are left alone: in a notification they are only characters. Cut to <paramref name="max"/>.
    /// </summary>
    public static string Plain(string text, int max)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in ChatText.Defuse(text))
            builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
        var plain = builder.ToString();
        return plain.Length <= max ? plain : MendCut(TextCut.Truncate(plain, max));
    }

    public static string Link(Uri url, string label) => $"<{url.AbsoluteUri.Replace("|", "%7C").Replace(">", "%3E")}|{Escape(label).Replace("|", "¦")}>";

    public static string Bold(string text, IReadOnlyList<Highlight> spans, int max) => ChatText.Highlight(text, spans, max, Escape, "*", MendCut);

    /// <summary>Never cut an entity (&amp;amp;) in half.</summary>
    static string MendCut(string cut)
    {
        var amp = cut.LastIndexOf('&');
        return amp >= 0 && cut.IndexOf(';', amp) < 0 ? cut[..amp] + ChatText.Ellipsis : cut;
    }
}
