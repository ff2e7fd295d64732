using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BorderAlerts.Tests.Briefings.BriefingData;

namespace BorderAlerts.Tests.Briefings;

/// <summary>The store's side of briefings on both stores: a period's alerts with their items, sightings and translated titles, and one run per firing.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BriefingsTableTests
{
    static readonly DateTimeOffset End = new(2026, 3, 30, 23, 0, 0, TimeSpan.Zero);

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_periods_alerts_come_with_their_item_the_feeds_that_carried_it_and_its_kept_translated_title(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        await SeedAsync(pipeline.Services,
            new Alerted("kyodo", End.AddHours(-1), "coal", "high", Title: "丹东煤炭", Story: 900, AlsoSeenBy: ["yonhap"], TranslatedTitle: "Dandong coal"),
            new Alerted("kyodo", End, "coal"), // the end is outside
            new Alerted("kyodo", End.AddDays(-3), "coal")); // before the start
        var alerts = pipeline.Services.GetRequiredService<IBriefingAlerts>();

        var read = await alerts.AlertsAsync(End.AddDays(-2), End, "en", CancellationToken.None);
        var untranslated = await alerts.AlertsAsync(End.AddDays(-2), End, null, CancellationToken.None);
        var textless = await alerts.AlertsAsync(End.AddDays(-2), End, null, CancellationToken.None, withText: false); // a briefing without a query

        var alert = Assert.Single(read);
        Assert.Equal(("coal", "Rule coal", Severity.High, "丹东煤炭", "kyodo", 900L, "Dandong coal", "zh"),
            (alert.RuleId, alert.RuleName, alert.Severity, alert.Title, alert.FeedId, alert.StoryId, alert.TranslatedTitle, alert.Language));
        Assert.Equal(["kyodo", "yonhap"], alert.Feeds.Order());
        Assert.Equal(End.AddHours(-1), alert.AlertedAt);
        Assert.Null(Assert.Single(untranslated).TranslatedTitle);
        Assert.Equal(("text of", ""), (alert.Text[..7], Assert.Single(textless).Text));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_firing_is_taken_once_and_the_latest_run_of_each_briefing_is_listed_with_its_outcome(Store store)
    {
        using var folder = new TempFolder(store);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder); // another instance on the same store
        var (runs, other) = (first.Services.GetRequiredService<IBriefingRuns>(), second.Services.GetRequiredService<IBriefingRuns>());

        var taken = await Task.WhenAll(runs.ClaimAsync("morning", End, End, CancellationToken.None), other.ClaimAsync("morning", End, End, CancellationToken.None));
        await runs.FinishAsync("morning", End, BriefingOutcome.Failed, "analysts: Discord 500", End.AddMinutes(1), CancellationToken.None);
        var later = await runs.ClaimAsync("morning", End.AddDays(1), End.AddDays(1), CancellationToken.None);
        await runs.ClaimAsync("evening", End, End, CancellationToken.None);
        var last = await other.LastRunsAsync(CancellationToken.None);

        Assert.Equal(1, taken.Count(t => t));
        Assert.True(later);
        Assert.Equal((End.AddDays(1), BriefingOutcome.Running, null), (last["morning"].FireTime, last["morning"].Outcome, last["morning"].Error));
        Assert.Equal(["evening", "morning"], last.Keys.Order());
        Assert.Equal(1, await first.Database.CountAsync("briefing_runs", "outcome = 'failed' AND error = 'analysts: Discord 500'"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_firing_still_running_half_an_hour_on_is_taken_over_once_and_a_finished_one_never(Store store)
    {
        using var folder = new TempFolder(store);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);
        var (runs, other) = (first.Services.GetRequiredService<IBriefingRuns>(), second.Services.GetRequiredService<IBriefingRuns>());
        await runs.ClaimAsync("morning", End, End, CancellationToken.None); // its instance dies
        await runs.ClaimAsync("evening", End, End, CancellationToken.None);
        await runs.FinishAsync("evening", End, BriefingOutcome.Failed, "analysts: Discord 500", End.AddMinutes(1), CancellationToken.None);

        var early = await other.ClaimAsync("morning", End, End.AddMinutes(29), CancellationToken.None);
        var late = await Task.WhenAll(other.ClaimAsync("morning", End, End.AddMinutes(31), CancellationToken.None),
            runs.ClaimAsync("morning", End, End.AddMinutes(31), CancellationToken.None));
        var finished = await other.ClaimAsync("evening", End, End.AddHours(2), CancellationToken.None);
        var last = await other.LastRunsAsync(CancellationToken.None);

        Assert.False(early);
        Assert.Equal(1, late.Count(t => t));
        Assert.False(finished);
        Assert.Equal((End.AddMinutes(31), BriefingOutcome.Running), (last["morning"].StartedAt, last["morning"].Outcome));
    }
}
