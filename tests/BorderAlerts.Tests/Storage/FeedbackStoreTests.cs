using BorderAlerts.Core.Feedback;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Storage;

/// <summary>Votes from card buttons in the store, on both stores: one per person and alert, only sent alerts tallied.</summary>
public sealed class FeedbackStoreTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_persons_later_vote_replaces_the_earlier_and_others_votes_stay(Store store)
    {
        await using var run = await StartAsync(store);
        var feedback = run.Pipeline.Services.GetRequiredService<IFeedbackStore>();
        var alert = (await feedback.SentSinceAsync(At.AddHours(-1), CancellationToken.None))[0].AlertId;

        await feedback.RecordAsync(new FeedbackVote(alert, "discord", "u1", Verdict.NotRelevant, At), CancellationToken.None);
        await feedback.RecordAsync(new FeedbackVote(alert, "discord", "u1", Verdict.Relevant, At.AddMinutes(1)), CancellationToken.None);
        await feedback.RecordAsync(new FeedbackVote(alert, "slack", "u1", Verdict.NotRelevant, At), CancellationToken.None); // another platform, another person

        var votes = Assert.Single(await feedback.SentSinceAsync(At.AddHours(-1), CancellationToken.None), v => v.AlertId == alert);
        Assert.Equal((1, 1), (votes.NotRelevant, votes.Relevant));
        Assert.Equal(2, await run.Pipeline.Database.CountAsync("feedback_votes"));
        Assert.Equal(1, await run.Pipeline.Database.CountAsync("feedback_votes", "verdict = 'relevant' AND platform = 'discord'"));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Only_sent_alerts_of_the_window_are_tallied_and_a_button_finds_its_alerts_rule_and_title(Store store)
    {
        await using var run = await StartAsync(store);
        var feedback = run.Pipeline.Services.GetRequiredService<IFeedbackStore>();
        var sent = await feedback.SentSinceAsync(At.AddHours(-1), CancellationToken.None);
        Assert.Equal(2, sent.Count);

        await run.Pipeline.Database.ExecuteAsync($"UPDATE deliveries SET status = 'dead' WHERE alert_id = {sent[0].AlertId}");
        Assert.Equal([sent[1].AlertId], (await feedback.SentSinceAsync(At.AddHours(-1), CancellationToken.None)).Select(a => a.AlertId));
        Assert.Empty(await feedback.SentSinceAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None));

        var found = await feedback.AlertAsync(sent[1].AlertId, CancellationToken.None);
        Assert.Equal("dandong", found?.RuleId);
        Assert.Contains("丹", found?.Title);
        Assert.Null(await feedback.AlertAsync(sent[1].AlertId + 1000, CancellationToken.None));
    }

    async Task<OutletReports> StartAsync(Store store)
    {
        var folder = new TempFolder(store);
        File.WriteAllText(folder.RulesYaml, "rules:\n  - id: dandong\n    query: 丹东 OR 丹東\n");
        var reports = new OutletReports(server, folder, await Pipeline.StartAsync(folder, ("Delivery:FloodBudget", "0")));
        await reports.ReportAsync("kyodo", new Entry("丹東海關查获走私煤炭", "https://example.org/1"));
        await reports.ReportAsync("cankao", new Entry("丹东口岸恢复通关", "https://example.org/2"));
        return reports;
    }
}
