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

    public static ItemTokens Of(string title, string text)
    {
        var keys = new HashSet<long>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        SearchTokens.AddKeys(title, keys, words);
        SearchTokens.AddKeys(text, keys, words);
        return new ItemTokens([.. keys], [.. words]);
    }
}
