using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Highlighted text where mrkdwn cannot show it. Slack reads <c>*bold*</c> only between word boundaries, so a highlight
/// inside a word (<c>*smuggl*ing</c>) or in Chinese or Japanese running text (<c>は*北朝鮮*に</c>) shows its asterisks.
/// A rich_text block marks bold spans by style instead, and its text elements are literal: nothing in them is parsed
/// as a mention, a link or formatting, so feed text needs no escaping there.
/// https://api.slack.com/reference/block-kit/blocks#rich_text
/// </summary>
public static class SlackRichText
{
    /// <summary>True if every highlight starts and ends at a boundary mrkdwn accepts, so <c>*…*</c> renders as bold.</summary>
    public static bool MrkdwnCanBold(string text, IReadOnlyList<Highlight> spans) =>
        spans.Where(s => s.Length > 0 && s.Start >= 0 && s.Start + s.Length <= text.Length).All(s =>
            (s.Start == 0 || !IsWordChar(text[s.Start - 1])) && (s.Start + s.Length == text.Length || !IsWordChar(text[s.Start + s.Length]))
            && !char.IsWhiteSpace(text[s.Start]) && !char.IsWhiteSpace(text[s.Start + s.Length - 1]));

    /// <summary>
    /// A rich_text block of <paramref name="text"/>, its highlights bold, at most <paramref name="max"/> characters. Each
    /// piece is defused on its own (as mrkdwn highlighting escapes each), so the highlights' offsets stay true.
    /// </summary>
    public static JsonObject Block(string text, IReadOnlyList<Highlight> spans, int max)
    {
        var pieces = new List<(string Text, bool Bold)>();
        int at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Length <= 0 || span.Start + span.Length > text.Length) continue;
            pieces.Add((text[at..span.Start], false));
            pieces.Add((text.Substring(span.Start, span.Length), true));
            at = span.Start + span.Length;
        }
        pieces.Add((text[at..], false));
        var elements = new JsonArray();
        int room = max;
        foreach (var (piece, bold) in pieces)
        {
            var defused = ChatText.Defuse(piece);
            if (defused.Length == 0) continue;
            if (defused.Length > room) defused = TextCut.Truncate(defused, room);
            if (defused.Length == 0) break;
            var element = new JsonObject { ["type"] = "text", ["text"] = defused };
            if (bold) element["style"] = new JsonObject { ["bold"] = true };
            elements.Add(element);
            room -= defused.Length;
            if (room <= 0) break;
        }
        return new JsonObject
        {
            ["type"] = "rich_text",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "rich_text_section", ["elements"] = elements }),
        };
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
