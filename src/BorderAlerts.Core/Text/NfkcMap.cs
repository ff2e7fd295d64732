using System.Globalization;
using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>
/// NFKC for the rare text that needs it in full (ligatures, ㈜, decomposed accents or Hangul), one grapheme cluster at
/// a time, remembering where each output character came from so match positions still point into the original.
/// </summary>
public sealed class NfkcMap
{
    readonly int[] _start, _end;

    public string Text { get; }

    NfkcMap(string text, int[] start, int[] end) => (Text, _start, _end) = (text, start, end);

    public static NfkcMap Normalize(string source)
    {
        var text = new StringBuilder(source.Length + 8);
        var start = new List<int>(source.Length + 8);
        var end = new List<int>(source.Length + 8);
        var elements = StringInfo.GetTextElementEnumerator(source);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var from = elements.ElementIndex;
            string normal;
            try { normal = element.Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException) { normal = element; } // lone surrogates stay as they are
            text.Append(normal);
            for (int i = 0; i < normal.Length; i++) { start.Add(from); end.Add(from + element.Length); }
        }
        return new NfkcMap(text.ToString(), [.. start], [.. end]);
    }

    /// <summary>The original span behind output characters [start, end).</summary>
    public (int Start, int End) Original(int start, int end) => end <= start ? (_start[start], _start[start]) : (_start[start], _end[end - 1]);
}
