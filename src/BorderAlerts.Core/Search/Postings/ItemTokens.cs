namespace BorderAlerts.Core.Search.Postings;

/// <summary>
/// An item's index tokens, ready to be written: the distinct keys of its title and text, and its Latin-script words.
/// Computed before a store takes its write lock (tokenising is a third of the index's cost), so polls tokenise side
/// by side and the lock is held only for writing.
/// </summary>
public sealed class ItemTokens
{
    ItemTokens(long[] keys, string[] latinWords) => (Keys, LatinWords) = (keys, latinWords);

    public long[] Keys { get; }
    public string[] LatinWords { get; }

    // Reused per thread: a new set per item grew through a dozen resizes to ~400 keys, and that garbage was a good part
    // of the ingest's collection time.
    [ThreadStatic] static HashSet<long>? t_keys;
    [ThreadStatic] static HashSet<string>? t_words;

    public static ItemTokens Of(string title, string text)
    {
        var keys = t_keys ??= new HashSet<long>(1024);
        var words = t_words ??= new HashSet<string>(256, StringComparer.Ordinal);
        keys.Clear();
        words.Clear();
        SearchTokens.AddKeys(title, keys, words);
        SearchTokens.AddKeys(text, keys, words);
        return new ItemTokens([.. keys], [.. words]);
    }
}
