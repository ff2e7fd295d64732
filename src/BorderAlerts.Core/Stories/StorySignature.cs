using System.IO.Hashing;
using System.Runtime.InteropServices;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Stories;

/// <summary>
/// Wording similarity: a MinHash signature of the normalised title and lead (Latin words and CJK character bigrams as
/// shingles). Two items whose signatures agree on most positions are worded alike: the same wire copy in two outlets,
/// a republish with a new date, a tweaked title. Bands of the signature's first positions index candidates (LSH).
/// Each shingle is hashed once, from its characters; each position applies its own multiply-add to that hash.
/// </summary>
public static class StorySignature
{
    /// <summary>Positions used for band keys; a fingerprint's body signature is longer, and its first positions are these.</summary>
    public const int Size = 16, Bands = 4, RowsPerBand = Size / Bands;
    public const int BodySize = 64;
    public const int LeadLength = 300;

    static readonly (ulong Multiply, ulong Add)[] Positions = MakePositions(BodySize);

    public static ulong[] Compute(string title, string text) => Compute(title, text, Size);

    public static ulong[] Compute(string title, string text, int size)
    {
        var shingles = Shingles(MatchText.Normalize(title + " " + (text.Length > LeadLength ? text[..LeadLength] : text)));
        var signature = new ulong[size];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var h in shingles)
            for (int i = 0; i < size; i++)
            {
                var v = h * Positions[i].Multiply + Positions[i].Add;
                v ^= v >> 31;
                if (v < signature[i]) signature[i] = v;
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

    /// <summary>The hashes of a normalised text's shingles: each Latin word, and each pair of neighbouring CJK characters.</summary>
    internal static HashSet<ulong> Shingles(string normalized)
    {
        var set = new HashSet<ulong>();
        var chars = normalized.AsSpan();
        int wordStart = -1;
        char previousCjk = '\0';
        for (int i = 0; i <= chars.Length; i++)
        {
            char c = i < chars.Length ? chars[i] : ' ';
            if (MatchText.IsWordChar(c)) { if (wordStart < 0) wordStart = i; previousCjk = '\0'; continue; }
            if (wordStart >= 0) { set.Add(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(chars[wordStart..i]))); wordStart = -1; }
            if (char.IsLetter(c))
            {
                if (previousCjk != '\0') set.Add(Mix(((ulong)previousCjk << 16) | c, 0x5851F42D4C957F2DUL));
                previousCjk = c;
            }
            else previousCjk = '\0';
        }
        return set;
    }

    static (ulong, ulong)[] MakePositions(int count)
    {
        var positions = new (ulong, ulong)[count];
        ulong state = 0x2545F4914F6CDD1DUL;
        for (int i = 0; i < count; i++) positions[i] = (Mix(state += 0x9E3779B97F4A7C15UL, 1) | 1, Mix(state += 0x9E3779B97F4A7C15UL, 2));
        return positions;
    }

    static ulong Mix(ulong x, ulong seed)
    {
        x ^= seed * 0xD6E8FEB86659FD93UL;
        x ^= x >> 32; x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 32; x *= 0xD6E8FEB86659FD93UL;
        return x ^ (x >> 32);
    }
}
