namespace BorderAlerts.Core.Search.Postings;

/// <summary>
/// A token's key in the archive index: 64-bit FNV-1a over its UTF-16 code units, MurmurHash3's finaliser so keys spread
/// evenly, cut to <see cref="Bits"/> bits. Forty bits keep the gaps between a block's sorted keys to three or four
/// bytes, and two tokens sharing a key (for a query token, about one chance in 100,000 at ten million distinct tokens)
/// only add candidates, which the exact check drops. Stored on disk: never change the function without rebuilding the
/// index (a migration).
/// </summary>
public static class TokenKey
{
    public const int Bits = 40;

    public static long Of(ReadOnlySpan<char> token)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var c in token) hash = (hash ^ c) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (long)(hash >> (64 - Bits));
    }
}
