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
        var scores = StoryPairEvaluation.Run(rules, StoryPairEvaluation.Read(pairsPath));
        Console.WriteLine($"{pairsPath} with {rulesPath}");
        Console.WriteLine($"{"part",-8} {"pairs",5} {"same",5} {"joined",6} {"right",5} {"precision",9} {"recall",6}");
        foreach (var s in scores)
            Console.WriteLine($"{s.Split,-8} {s.Pairs,5} {s.Same,5} {s.Joined,6} {s.RightlyJoined,5} {s.Precision,9:0.000} {s.Recall,6:0.000}");
        if (!errors) return 0;
        foreach (var pair in scores.Where(s => s.Split == "tune").SelectMany(s => s.Wrong))
            Console.WriteLine($"{(pair.Same ? "MISSED" : "WRONGLY JOINED")} {pair.Pair}\n  {pair.A.Lang} {pair.A.Feed}: {pair.A.Title}\n  {pair.B.Lang} {pair.B.Feed}: {pair.B.Title}");
        return 0;
    }
}
