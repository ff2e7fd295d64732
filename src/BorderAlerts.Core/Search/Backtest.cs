using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Search;

/// <summary>How a rule would have done over stored items: how many it matched, how many it would have alerted, samples.</summary>
public sealed record BacktestResult(int Scanned, int Matched, int WouldAlert, IReadOnlyList<ArchivedItem> Samples)
{
    /// <summary>Matches per UTC day of <see cref="ArchivedItem.Dated"/>; days without a match are absent.</summary>
    public IReadOnlyDictionary<DateOnly, int> MatchesPerDay { get; init; } = new Dictionary<DateOnly, int>();
}

/// <summary>Runs one rule (enabled or not) over the items dated (published, else first seen) since a time; the CLI, `/rules backtest` and the panel's backtest chart share it.</summary>
public static class Backtest
{
    public static async Task<BacktestResult> RunAsync(IItemArchive archive, RuleDefinition rule, IReadOnlyDictionary<string, IReadOnlyList<string>> concepts,
        DateTimeOffset since, int sampleCount, CancellationToken cancellationToken, Rules.ListConcepts.WatchlistConcepts? watchlists = null)
    {
        var single = RuleMatcher.Compile([(rule with { Enabled = true }, QueryParser.Parse(rule.Query, concepts, watchlists))]);
        int scanned = 0, matched = 0, wouldAlert = 0;
        var samples = new List<ArchivedItem>();
        var perDay = new Dictionary<DateOnly, int>();
        await foreach (var item in archive.ReadSinceAsync(since, cancellationToken))
        {
            scanned++;
            if (single.Match(new MatchInput(item.Title, item.Text, item.Language, item.FeedId)).Count == 0) continue;
            matched++;
            if (item.Alertable) wouldAlert++;
            var day = DateOnly.FromDateTime(item.Dated.UtcDateTime);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            if (samples.Count < sampleCount) samples.Add(item);
        }
        return new BacktestResult(scanned, matched, wouldAlert, samples) { MatchesPerDay = perDay };
    }
}
