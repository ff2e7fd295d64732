using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Evaluation;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Benchmarks.Stories;

/// <summary>
/// `stories [--pairs FILE] [--rules FILE] [--errors]`: pair precision and recall of story grouping on the labelled pair
/// set, per part. `--errors` lists the tuning part's wrong pairs only: the held-out part is reported, never read for tuning.
/// </summary>
public static class StoryPairsHarness
{
    public static int Run(string pairsPath, string rulesPath, bool errors)
    {
        var rules = RuleSet.Compile(RulesFile.Load(rulesPath));
        var pairs = StoryPairEvaluation.Read(pairsPath);
        var scores = StoryPairEvaluation.Run(rules, pairs);
        Console.WriteLine($"{pairsPath} with {rulesPath}");
        Console.WriteLine($"{"part",-18} {"pairs",5} {"same",5} {"joined",6} {"right",5} {"precision",9} {"recall",6}");
        foreach (var (s, label) in scores.Select(s => (s, s.Split)).Concat(StoryPairEvaluation.Run(rules, pairs, datedOnly: true).Select(s => (s, s.Split + ", dated")))
            .Concat(StoryPairEvaluation.Run(rules, pairs, datedOnly: true, sameDay: true).Select(s => (s, s.Split + ", same day"))))
            Console.WriteLine($"{label,-18} {s.Pairs,5} {s.Same,5} {s.Joined,6} {s.RightlyJoined,5} {s.Precision,9:0.000} {s.Recall,6:0.000}");
        var previous = pairs.GroupBy(p => p.Split).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var joined = g.Select(p => (p.Same, Joined: PreviousRule(p))).ToList();
            int right = joined.Count(j => j.Joined && j.Same), all = joined.Count(j => j.Joined), same = joined.Count(j => j.Same);
            return $"{g.Key + ", previous rule",-18} {g.Count(),5} {same,5} {all,6} {right,5} {(all == 0 ? 1 : (double)right / all),9:0.000} {(double)right / same,6:0.000}";
        });
        foreach (var line in previous) Console.WriteLine(line);
        if (!errors) return 0;
        var stress = StoryPairEvaluation.Run(rules, pairs, datedOnly: true, sameDay: true).Where(s => s.Split == "tune").SelectMany(s => s.Wrong).Where(p => !p.Same);
        foreach (var pair in scores.Where(s => s.Split == "tune").SelectMany(s => s.Wrong).Concat(stress))
            Console.WriteLine($"{(pair.Same ? "MISSED" : "WRONGLY JOINED")} {pair.Pair}\n{Side(rules, pair.A)}\n{Side(rules, pair.B)}");
        return 0;
    }

    /// <summary>Grouping before issue 14: a 16-position MinHash of title and lead, a shared band and agreement on half the positions.</summary>
    static bool PreviousRule(StoryPair pair)
    {
        var a = StorySignature.Compute(pair.A.Title, pair.A.Text);
        var b = StorySignature.Compute(pair.B.Title, pair.B.Text);
        return StorySignature.BandKeys(a).Intersect(StorySignature.BandKeys(b)).Any() && StorySignature.Similarity(a, b) >= 0.5;
    }

    static string Side(RuleSet rules, PairItem item)
    {
        var concepts = rules.StoryConcepts.Describing(rules.Tagger.Tag(item.Title, item.Text));
        var figures = StoryFingerprint.FiguresIn(item.Title + " \n " + item.Text);
        return $"  {item.Lang} {item.Date} {item.Feed}: {item.Title}\n    [{string.Join(" ", concepts)}] #{string.Join(" ", figures)}";
    }
}
