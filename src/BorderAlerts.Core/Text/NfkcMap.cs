using System.Globalization;
using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>
/// NFKC for the rare text that needs it in full (ligatures, ㈜, …, decomposed accents or Hangul), one grapheme cluster
/// at a time, remembering where each output character came from so match positions still point into the original.
/// Text whose every character is a cluster of its own takes each character's NFKC form from <see cref="FoldTable"/>;
/// the rest goes through ICU. A map can be refilled, so a matcher reuses one per thread and allocates nothing.
/// </summary>
public sealed class NfkcMap
{
    char[] _text = new char[256];
    int[] _start = new int[256], _end = new int[256];
    int _length;

    public ReadOnlySpan<char> Text => _text.AsSpan(0, _length);

    public static NfkcMap Normalize(string source)
    {
        var map = new NfkcMap();
        map.Fill(source);
        return map;
    }

    /// <summary>Replaces the contents with the normal form of <paramref name="source"/>.</summary>
    public void Fill(string source)
    {
        _length = 0;
        if (!AllSingleClusters(source))
        {
            FillByCluster(source);
            return;
        }
        for (int i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (!FoldTable.NfkcChanges(c)) Append(c, i, i + 1);
            else foreach (var part in FoldTable.NfkcForm(c)) Append(part, i, i + 1);
        }
    }

    static bool AllSingleClusters(ReadOnlySpan<char> source)
    {
        foreach (var c in source) if (c >= 0x80 && !FoldTable.IsSingleCluster(c) || c == '\r') return false;
        return true;
    }

    void FillByCluster(string source)
    {
        var elements = StringInfo.GetTextElementEnumerator(source);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var from = elements.ElementIndex;
            string normal;
            try { normal = element.Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException) { normal = element; } // lone surrogates stay as they are
            foreach (var c in normal) Append(c, from, from + element.Length);
        }
    }

    void Append(char c, int start, int end)
    {
        if (_length == _text.Length)
        {
            Array.Resize(ref _text, _length * 2);
            Array.Resize(ref _start, _length * 2);
            Array.Resize(ref _end, _length * 2);
        }
        _text[_length] = c;
        _start[_length] = start;
        _end[_length++] = end;
    }

    /// <summary>The original span behind output characters [start, end).</summary>
    public (int Start, int End) Original(int start, int end) => end <= start ? (_start[start], _start[start]) : (_start[start], _end[end - 1]);
}
