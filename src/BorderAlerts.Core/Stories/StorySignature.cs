using System.IO.Hashing;
using System.Text;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Stories;

/// <summary>
/// Near-duplicate detection: a MinHash signature of the normalised title and lead (Latin words and CJK character
/// bigrams as shingles). Two items whose signatures agree on most positions are the same story: the same wire copy in
/// two outlets, a republish with a new date, a tweaked title. Bands of the signature index candidates (LSH).
/// </summary>
public static class StorySignature
{
    /// <summary>Positions used for band keys; a fingerprint's body signature is longer, and its first positions are these.</summary>
    public const int Size = 16, Bands = 4, RowsPerBand = Size / Bands;
    public const int BodySize = 64;
    public const int LeadLength = 300;

    public static ulong[] Compute(string title, string text) => Compute(title, text, Size);

    public static ulong[] Compute(string title, string text, int size)
    {
        var shingles = Shingles(MatchText.Normalize(title + " " + (text.Length > LeadLength ? text[..LeadLength] : text)));
        var signature = new ulong[size];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            var h = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(shingle));
            for (int i = 0; i < size; i++)
            {
                var v = Mix(h, (ulong)i);
                if (v < signature[i]) signature[i] = v;
            }
        }
        return signature;
    }

    /// <summary>The share of positions two signatures agree on: an estimate of their shingle sets' Jaccard similarity.</summary>
    public static double Similarity(ulong[] a, ulong[] b) =>
        a.Length == 0 ? 0 : a.Zip(b).Count(p => p.First == p.Second && p.First != ulong.MaxValue) / (double)Math.Max(a.Length, b.Length);

    /// <summary>One key per band; two signatures sharing any band key are candidates.</summary>
    public static long[] BandKeys(ulong[] signature)
    {
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (int r = 0; r < RowsPerBand; r++) h = Mix(h ^ signature[b * RowsPerBand + r], 0xABCDEF);
            keys[b] = (long)h;
        }
        return keys;
    }

    public static byte[] ToBytes(ulong[] signature)
    {
        var bytes = new byte[signature.Length * 8];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static ulong[] FromBytes(byte[] bytes)
    {
        var signature = new ulong[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, signature, 0, signature.Length * 8);
        return signature;
    }

    internal static HashSet<string> Shingles(string normalized)
    {
        var set = new HashSet<string>();
        var word = new StringBuilder();
        char previousCjk = '\0';
        foreach (var c in normalized)
        {
            if (MatchText.IsWordChar(c)) { word.Append(c); previousCjk = '\0'; continue; }
            if (word.Length > 0) { set.Add(word.ToString()); word.Clear(); }
            if (char.IsLetter(c))
            {
                if (previousCjk != '\0') set.Add(string.Concat(previousCjk, c));
                previousCjk = c;
            }
            else previousCjk = '\0';
        }
        if (word.Length > 0) set.Add(word.ToString());
        return set;
    }

    static ulong Mix(ulong x, ulong seed)
    {
        x ^= seed * 0xD6E8FEB86659FD93UL;
        x ^= x >> 32; x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 32; x *= 0xD6E8FEB86659FD93UL;
        return x ^ (x >> 32);
    }
}
