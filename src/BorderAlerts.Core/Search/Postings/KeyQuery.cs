using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Core.Search.Postings;

/// <summary>
/// A restriction over token keys: what the index can check without positions or fields. A phrase needs each of its
/// tokens (adjacency and fields are the exact check's business); a prefix token needs any word it expands to.
/// </summary>
public abstract record KeyQuery
{
    /// <summary>
    /// Compiles a restriction; <paramref name="expand"/> lists the indexed words starting with a prefix, or null when
    /// there are too many to be worth it (that token then narrows nothing).
    /// </summary>
    public static KeyQuery Compile(SearchExpression restriction, Func<string, IReadOnlyList<string>?> expand) => restriction switch
    {
        TokenPhrase phrase => All(phrase.Tokens.Select((token, i) => phrase.Prefix && i == phrase.Tokens.Count - 1
            ? expand(token) is { } words ? Any(words.Select(w => (KeyQuery)new KeyOf(TokenKey.Of(w)))) : Everything
            : new KeyOf(TokenKey.Of(token)))),
        AllOf all => All(all.Children.Select(c => Compile(c, expand))),
        AnyOf any => Any(any.Children.Select(c => Compile(c, expand))),
        _ => throw new ArgumentOutOfRangeException(nameof(restriction)),
    };

    /// <summary>Matches every item: a prefix with too many words.</summary>
    public static KeyQuery Everything { get; } = new AllKeys([]);

    /// <summary>Matches no item: a prefix no indexed word starts with.</summary>
    public static KeyQuery Nothing { get; } = new AnyKeys([]);

    static KeyQuery All(IEnumerable<KeyQuery> children)
    {
        var list = children.SelectMany(c => c is AllKeys a ? a.Children : [c]).Distinct().ToList();
        if (list.Contains(Nothing)) return Nothing;
        return list.Count == 1 ? list[0] : new AllKeys(list);
    }

    static KeyQuery Any(IEnumerable<KeyQuery> children)
    {
        var list = children.ToList();
        if (list.Contains(Everything)) return Everything;
        list = list.SelectMany(c => c is AnyKeys a ? a.Children : [c]).Distinct().ToList();
        return list.Count == 1 ? list[0] : new AnyKeys(list);
    }

    /// <summary>Every key the query reads, once each (for a store that looks them all up in one statement).</summary>
    public IEnumerable<long> Keys() => (this switch
    {
        KeyOf k => [k.Key],
        AllKeys a => a.Children.SelectMany(c => c.Keys()),
        AnyKeys a => a.Children.SelectMany(c => c.Keys()),
        _ => throw new InvalidOperationException(),
    }).Distinct();

    /// <summary>
    /// The ids matching within one segment, ascending. <paramref name="ids"/> gives a key's ids in that segment (empty
    /// when absent); <paramref name="all"/> gives every id of the segment, for <see cref="Everything"/>.
    /// </summary>
    public List<long> Evaluate(Func<long, List<long>> ids, Func<List<long>> all) => this switch
    {
        KeyOf k => ids(k.Key),
        AllKeys { Children.Count: 0 } => all(),
        AllKeys a => a.Children.Select(c => c.Evaluate(ids, all)).OrderBy(l => l.Count).Aggregate(Intersect),
        AnyKeys { Children.Count: 0 } => [],
        AnyKeys a => a.Children.Select(c => c.Evaluate(ids, all)).Aggregate(Union),
        _ => throw new InvalidOperationException(),
    };

    static List<long> Intersect(List<long> a, List<long> b)
    {
        var result = new List<long>(Math.Min(a.Count, b.Count));
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { result.Add(a[i]); i++; j++; }
        }
        return result;
    }

    static List<long> Union(List<long> a, List<long> b)
    {
        var result = new List<long>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a[i] < b[j])) result.Add(a[i++]);
            else if (i >= a.Count || b[j] < a[i]) result.Add(b[j++]);
            else { result.Add(a[i++]); j++; }
        }
        return result;
    }
}

public sealed record KeyOf(long Key) : KeyQuery;

public sealed record AllKeys(IReadOnlyList<KeyQuery> Children) : KeyQuery
{
    public bool Equals(AllKeys? other) => other is not null && Children.SequenceEqual(other.Children);
    public override int GetHashCode() => Children.Aggregate(17, (h, c) => h * 31 + c.GetHashCode());
}

public sealed record AnyKeys(IReadOnlyList<KeyQuery> Children) : KeyQuery
{
    public bool Equals(AnyKeys? other) => other is not null && Children.SequenceEqual(other.Children);
    public override int GetHashCode() => Children.Aggregate(19, (h, c) => h * 31 + c.GetHashCode());
}
