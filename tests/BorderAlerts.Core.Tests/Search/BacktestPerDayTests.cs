using System.Runtime.CompilerServices;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Tests.Search;

/// <summary>A backtest counts its matches per UTC day of the item's date (published, else first seen), for the panel's chart.</summary>
public sealed class BacktestPerDayTests
{
    sealed class Archive(params ArchivedItem[] items) : IItemArchive
    {
        public async IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var item in items.Where(i => i.Dated >= since)) yield return item;
        }
    }

    static ArchivedItem Item(long id, string title, DateTimeOffset seen, DateTimeOffset? published = null) =>
        new(id, "f", title, "", null, null, published, seen, Alertable: true);

    [Fact]
    public async Task Matches_are_counted_per_utc_day_of_the_items_date()
    {
        var day = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);
        var archive = new Archive(
            Item(1, "丹东制裁", day.AddHours(1)),
            Item(2, "制裁 again", day.AddHours(5)),
            Item(3, "制裁 late", day.AddHours(2), published: day.AddHours(-3)), // published the day before: dated then
            Item(4, "weather", day.AddHours(3)),
            Item(5, "制裁 in Seoul", new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.FromHours(9)))); // 23:00 UTC on the 28th
        var rule = new RuleDefinition("s", "S", "制裁", Severity.Normal, [], Enabled: false);

        var result = await Backtest.RunAsync(archive, rule, new Dictionary<string, IReadOnlyList<string>>(), day.AddDays(-30), 0, CancellationToken.None);

        Assert.Equal((5, 4), (result.Scanned, result.Matched));
        Assert.Equal(new Dictionary<DateOnly, int> { [new(2026, 3, 30)] = 2, [new(2026, 3, 29)] = 1, [new(2026, 3, 28)] = 1 }, result.MatchesPerDay);
    }
}
