using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Core.Rules.Evaluation;

/// <summary>One side of a labelled pair: what grouping sees of an item (its feed, language, title and lead).</summary>
public sealed record PairItem(string Id, string Lang, string Feed, string Title, string Text, string? Date = null)
{
    /// <summary>The publication day, when the source gave a full date.</summary>
    public DateOnly? Day => DateOnly.TryParseExact(Date ?? "", "yyyy-MM-dd", out var day) ? day : null;
}

/// <summary>Two items labelled as reporting the same event or not, in the tuning or the held-out part.</summary>
public sealed record StoryPair(string Pair, bool Same, string Split, PairItem A, PairItem B);

/// <summary>How grouping did on a part of the pair set: "same story" is the positive class.</summary>
public sealed record PairScore(string Split, int Pairs, int Same, int Joined, int RightlyJoined, IReadOnlyList<StoryPair> Wrong)
{
    public double Precision => Joined == 0 ? 1 : (double)RightlyJoined / Joined;
    public double Recall => Same == 0 ? 1 : (double)RightlyJoined / Same;
}

/// <summary>Runs <see cref="StoryJudge"/> over a labelled pair set, with the concepts and facets of a rules file.</summary>
public static class StoryPairEvaluation
{
    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<StoryPair> Read(string path) => File.ReadLines(path)
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select((line, i) => JsonSerializer.Deserialize<StoryPair>(line, Json) ?? throw new FormatException($"{path}:{i + 1}: empty"))
        .ToList();

    /// <summary>
    /// Scores per part (<c>tune</c>, <c>holdout</c>). With <paramref name="datedOnly"/>, only pairs whose both items have a
    /// full publication date: the service always knows an item's day (its publication, else when it was first seen),
    /// while some gathered lines give only a month.
    /// </summary>
    /// <param name="sameDay">
    /// Give both items of every pair the first one's day (when it has one): a stress test of what the judge does with two
    /// reports of different events that fall in the same few days, which the gathered pairs rarely are.
    /// </param>
    public static IReadOnlyList<PairScore> Run(RuleSet rules, IReadOnlyList<StoryPair> pairs, bool datedOnly = false, bool sameDay = false)
    {
        if (datedOnly) pairs = pairs.Where(p => p.A.Day is not null && p.B.Day is not null).ToList();
        if (sameDay) pairs = pairs.Select(p => p with { B = p.B with { Date = p.A.Day is null ? p.B.Date : p.A.Date } }).ToList();
        var judge = new StoryJudge(rules.StoryConcepts);
        StoryFingerprint Print(PairItem item) =>
            StoryFingerprint.Of(item.Feed, item.Lang, item.Title, item.Text, rules.StoryConcepts.Describing(rules.Tagger.Tag(item.Title, item.Text)), item.Day);
        var judged = pairs.Select(p => (Pair: p, Joined: judge.SameEvent(Print(p.A), Print(p.B)))).ToList();
        return judged.GroupBy(j => j.Pair.Split).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new PairScore(g.Key, g.Count(),
            g.Count(j => j.Pair.Same), g.Count(j => j.Joined), g.Count(j => j.Joined && j.Pair.Same),
            g.Where(j => j.Joined != j.Pair.Same).Select(j => j.Pair).ToList())).ToList();
    }
}
