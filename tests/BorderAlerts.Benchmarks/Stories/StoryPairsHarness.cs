using BorderAlerts.Core.Rules;
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
        Console.WriteLine($"{"part",-16} {"pairs",5} {"same",5} {"joined",6} {"right",5} {"precision",9} {"recall",6}");
        foreach (var (s, label) in scores.Select(s => (s, s.Split)).Concat(StoryPairEvaluation.Run(rules, pairs, datedOnly: true).Select(s => (s, s.Split + ", dated"))))
            Console.WriteLine($"{label,-16} {s.Pairs,5} {s.Same,5} {s.Joined,6} {s.RightlyJoined,5} {s.Precision,9:0.000} {s.Recall,6:0.000}");
        if (!errors) return 0;
        foreach (var pair in scores.Where(s => s.Split == "tune").SelectMany(s => s.Wrong))
            Console.WriteLine($"{(pair.Same ? "MISSED" : "WRONGLY JOINED")} {pair.Pair}\n{Side(rules, pair.A)}\n{Side(rules, pair.B)}");
        return 0;
    }

    static string Side(RuleSet rules, PairItem item)
    {
        var concepts = rules.Facets.Describing(rules.Tagger.Tag(item.Title, item.Text));
        var figures = StoryFingerprint.FiguresIn(item.Title + " \n " + item.Text);
        return $"  {item.Lang} {item.Date} {item.Feed}: {item.Title}\n    [{string.Join(" ", concepts)}] #{string.Join(" ", figures)}";
    }
}
