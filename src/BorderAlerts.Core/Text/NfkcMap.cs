using System.Globalization;
using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>
/// NFKC for the rare text that needs it in full (㈜, ﷺ, decomposed accents or Hangul, an expansion beside CR LF or an
/// emoji; the matcher scans plain expansions such as … and ™ in place), one grapheme cluster
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
        int length = SingleClusterLength(source);
        if (length < 0)
        {
            FillByCluster(source);
            return;
        }
        Reserve(length);
        for (int i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (!FoldTable.NfkcChanges(c)) Put(c, i);
            else foreach (var part in FoldTable.NfkcForm(c)) Put(part, i);
        }
    }

    /// <summary>The length of the normal form if every character is a grapheme cluster of its own, else -1.</summary>
    static int SingleClusterLength(ReadOnlySpan<char> source)
    {
        int length = source.Length;
        foreach (var c in source)
        {
            if (!FoldTable.IsSingleClusterChar(c)) return -1;
            if (FoldTable.NfkcChanges(c)) length += FoldTable.NfkcForm(c).Length - 1;
        }
        return length;
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

    /// <summary>Appends the form of the single-character cluster at <paramref name="at"/>; room was reserved.</summary>
    void Put(char c, int at)
    {
        _text[_length] = c;
        _start[_length] = at;
        _end[_length++] = at + 1;
    }

    void Append(char c, int start, int end)
    {
        Reserve(_length + 1);
        (_text[_length], _start[_length], _end[_length]) = (c, start, end);
        _length++;
    }

    void Reserve(int length)
    {
        if (length <= _text.Length) return;
        int size = Math.Max(length, _text.Length * 2);
        Array.Resize(ref _text, size);
        Array.Resize(ref _start, size);
        Array.Resize(ref _end, size);
    }

    /// <summary>The original span behind output characters [start, end).</summary>
    public (int Start, int End) Original(int start, int end) => end <= start ? (_start[start], _start[start]) : (_start[start], _end[end - 1]);
}
