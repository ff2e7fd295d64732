using System.Text;
using System.Text.RegularExpressions;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Chat;

/// <summary>Text helpers shared by the renderers: mention defusing, multi-line replies (cutting is <see cref="TextCut"/>).</summary>
public static partial class ChatText
{
    public const string Ellipsis = TextCut.Ellipsis;

    /// <summary>
    /// Feed text can never mention anyone, and nothing is added where no mention could form: @everyone, @here and
    /// @channel get a zero-width space after the @ (as Discord's own libraries do), and so do &lt;@…&gt;, &lt;!…&gt;, &lt;#…&gt;
    /// after the &lt;; nothing is inserted inside a URL, so addresses and queries copy as they were. Control characters
    /// become spaces (line breaks too, unless <paramref name="keepLineBreaks"/>) and invisible ones (bidi overrides,
    /// zero-width spaces) are dropped. Platform escaping is applied after this.
    /// </summary>
    public static string Defuse(string text, bool keepLineBreaks = false)
    {
        var clean = Clean(text, keepLineBreaks);
        var inUrl = UrlChars(clean);
        var builder = new StringBuilder(clean.Length + 4);
        for (int i = 0; i < clean.Length; i++)
        {
            builder.Append(clean[i]);
            if (!inUrl[i] && MentionFollows(clean, i)) builder.Append('\u200B');
        }
        return builder.ToString();
    }

    /// <summary>Which characters belong to a URL (scheme://…), where nothing may be inserted.</summary>
    public static bool[] UrlChars(string text)
    {
        var mask = new bool[text.Length];
        foreach (Match url in Urls().Matches(text)) Array.Fill(mask, true, url.Index, url.Length);
        return mask;
    }

    /// <summary>Control characters as spaces (but line breaks kept when asked), invisible ones dropped.</summary>
    static string Clean(string text, bool keepLineBreaks)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keepLineBreaks && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (keepLineBreaks && c == '\n') builder.Append(c);
            else if (char.IsControl(c)) builder.Append(' ');
            else if (!Core.Text.FoldTable.IsInvisible(c) || c == '\u200D') builder.Append(c); // bidi overrides and zero-width tricks go; ZWJ joins emoji
        }
        return builder.ToString();
    }

    /// <summary>Escapes a multi-line reply line by line, so its line breaks survive and each line is escaped alone.</summary>
    public static string PerLine(string text, Func<string, string> escape) =>
        string.Join('\n', Defuse(text, keepLineBreaks: true).Split('\n').Select(escape));

    static readonly string[] Broadcasts = ["everyone", "here", "channel"];

    /// <summary>Whether the character at <paramref name="at"/> starts a mention: @everyone/@here/@channel, or &lt;@, &lt;!, &lt;#.</summary>
    static bool MentionFollows(string text, int at)
    {
        bool next = at + 1 < text.Length;
        return text[at] switch
        {
            '@' or '＠' => Broadcasts.Any(b => string.Compare(text, at + 1, b, 0, b.Length, StringComparison.OrdinalIgnoreCase) == 0),
            '<' or '＜' => next && text[at + 1] is '@' or '!' or '#' or '＠',
            _ => false,
        };
    }

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>""]+")]
    private static partial Regex Urls();

    /// <summary>"; also rule-a (high), rule-b (low)" for an item that matched more rules than the card's own, else nothing.</summary>
    public static string AlsoMatched(Core.Delivery.AlertCard card, Func<string, string> escape) =>
        card.AlsoMatched.Count == 0 ? "" : "; also " + string.Join(", ", card.AlsoMatched.Take(8).Select(r => AlsoMatchedRule(r, escape))) + (card.AlsoMatched.Count > 8 ? "…" : "");

    /// <summary>"rule-a (high)": the rule id escaped, its severity (a word of ours) as it is.</summary>
    public static string AlsoMatchedRule(Core.Delivery.AlsoMatchedRule rule, Func<string, string> escape) =>
        $"{escape(rule.Id)} ({rule.Severity.ToString().ToLowerInvariant()})";

    /// <summary>
    /// One designation a card's item named: "NAME AS LISTED — OFAC SDN list · vessel · DPRK3 · listed 2018-03-30 · IMO 9030591",
    /// list text escaped like feed text; <paramref name="link"/> renders the entry's address in the platform's markup.
    /// </summary>
    public static string Designation(Core.Delivery.CardDesignation designation, Func<string, string> escape, Func<Uri, string>? link = null) =>
        $"{escape(designation.ListedName)} — {escape(designation.Facts())}" +
        (link is not null && designation.Link is { Scheme: "http" or "https" } url ? " · " + link(url) : "");

    /// <summary>"Kyodo · wire · zh-Hans": the source's name, then its kind and language where known, each escaped.</summary>
    public static string Source(Core.Delivery.AlertCard card, Func<string, string> escape) =>
        string.Join(" · ", new[] { card.SourceName, card.SourceKind, card.Language }.OfType<string>().Select(escape));

    /// <summary>"2026-11-30 00:15 UTC · 2026-11-30 09:15 local (UTC+09:00)", or a note that the source gave no time.</summary>
    public static string Published(Core.Delivery.AlertCard card)
    {
        if (card.PublishedUtc is not { } utc) return "not given by the source";
        var text = $"{utc:yyyy-MM-dd HH:mm} UTC";
        if (card.PublishedLocal is { } local && local.Offset != TimeSpan.Zero) text += $" · {local:yyyy-MM-dd HH:mm} local (UTC{local:zzz})";
        return text;
    }

    /// <summary>
    /// Whole lines, one under another, as many as fit in <paramref name="max"/> characters (never one cut in half, which
    /// could break its markup), then "… and N more" for the rest.
    /// </summary>
    public static string FitLines(IReadOnlyList<string> lines, int max)
    {
        var text = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (text.Length + lines[i].Length + 1 > max - 20) return text.Append($"… and {lines.Count - i} more").ToString();
            text.Append(lines[i]).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Escaped text with the highlighted spans marked, cut to <paramref name="max"/> characters. Each platform gives its
    /// escaping, its bold marker, and how to mend a cut tail (a dangling backslash, half an entity).
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<Core.Delivery.Highlight> spans, int max,
        Func<string, string> escape, string bold, Func<string, string> mendCut)
    {
        var builder = new StringBuilder();
        int at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Start + span.Length > text.Length) continue;
            var piece = escape(text[at..span.Start]) + bold + escape(text.Substring(span.Start, span.Length)) + bold;
            if (builder.Length + piece.Length > max - 1) break;
            builder.Append(piece);
            at = span.Start + span.Length;
        }
        var tail = escape(text[at..]);
        if (builder.Length + tail.Length > max) tail = mendCut(TextCut.Truncate(tail, max - builder.Length));
        return builder.Append(tail).ToString();
    }
}
