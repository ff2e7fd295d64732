using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Briefings;

/// <summary>
/// A firing that meets the unexpected: a destination down while others are up, a run stopped part way, a destination
/// that throws, an instance that died holding the firing. Each ends recorded and told, never stuck "running".
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BriefingFailureTests
{
    /// <summary>Long enough for a post that goes out at once; far shorter than a retry schedule (minutes).</summary>
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    static Task<BriefingHarness> StartAsync(string to, Dictionary<string, IChatSink> sinks) =>
        BriefingHarness.StartAsync(Store.Sqlite, to, ScriptedDestinations.Over(sinks),
            [.. sinks.Keys.Select(name => ($"Destinations:{name}:Type", "console")), ("AdminDestination", "admins")]);

    static IEnumerable<string> Notices(ScriptedSink admins) => admins.Sent.OfType<ChatMessage.Notice>().Select(n => n.Text);

    [Fact]
    public async Task One_destination_down_does_not_hold_up_the_others_while_it_is_retried()
    {
        var (down, team, admins) = (ScriptedSink.Failing("Discord 503"), ScriptedSink.Delivering(), ScriptedSink.Delivering());
        await using var harness = await StartAsync("down, team", new() { ["down"] = down, ["team"] = team, ["admins"] = admins });
        using var stop = new CancellationTokenSource();

        var run = harness.FireAsync(stop.Token);
        Assert.True(await team.Calls.WaitAsync(Bound)); // down's first attempt failed and waits for its retry; team is posted meanwhile

        Assert.IsType<ChatMessage.Report>(Assert.Single(team.Sent));
        Assert.Single(down.Sent);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_run_cancelled_during_a_retry_wait_is_recorded_failed_and_the_admin_is_told()
    {
        var (down, team, admins) = (ScriptedSink.Failing("Discord 503"), ScriptedSink.Delivering(), ScriptedSink.Delivering());
        await using var harness = await StartAsync("team, down", new() { ["down"] = down, ["team"] = team, ["admins"] = admins });
        using var stop = new CancellationTokenSource();

        var run = harness.FireAsync(stop.Token);
        Assert.True(await down.Calls.WaitAsync(Bound));
        stop.Cancel(); // shutdown, or `/briefings run` at its time limit

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("briefing_runs",
            "outcome = 'failed' AND error = 'stopped part way, it was cancelled (shutdown or a time limit); posted to team'"));
        var notice = Assert.Single(Notices(admins));
        Assert.StartsWith("Briefing 'morning' of 2026-03-30 23:00 UTC stopped part way", notice);
    }

    [Fact]
    public async Task A_destination_that_throws_unexpectedly_is_dead_lettered_with_an_admin_notice_and_the_others_still_get_the_brief()
    {
        var (broken, team, admins) = (ScriptedSink.Throwing(new NotSupportedException("The SMTP server does not support authentication.")),
            ScriptedSink.Delivering(), ScriptedSink.Delivering());
        await using var harness = await StartAsync("broken, team", new() { ["broken"] = broken, ["team"] = team, ["admins"] = admins });

        var result = await harness.FireAsync();

        Assert.Equal(BriefingOutcome.Failed, result.Outcome);
        Assert.Null(result.Destinations["team"]);
        Assert.Equal("unexpected NotSupportedException: The SMTP server does not support authentication.", result.Destinations["broken"]);
        Assert.Single(broken.Sent); // a bug is not retried
        Assert.Contains(Notices(admins), n => n.Contains("broken: unexpected NotSupportedException"));
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("briefing_runs", "outcome = 'failed' AND error LIKE 'broken: unexpected%'"));
    }

    [Fact]
    public async Task A_firing_left_running_by_a_dead_instance_is_taken_over_after_the_lease_but_not_before()
    {
        var team = ScriptedSink.Delivering();
        await using var harness = await StartAsync("team", new() { ["team"] = team, ["admins"] = ScriptedSink.Delivering() });
        var runs = harness.Pipeline.Services.GetRequiredService<IBriefingRuns>();
        var (fire, now) = (BriefingHarness.FireTime, DateTimeOffset.UtcNow);
        Assert.True(await runs.ClaimAsync("morning", fire, now.AddMinutes(-20), CancellationToken.None)); // an instance that died 20 min ago
        Assert.True(await runs.ClaimAsync("morning", fire.AddDays(-1), now.AddMinutes(-40), CancellationToken.None)); // and one 40 min ago

        var recent = await harness.FireAsync();
        var stale = await harness.Pipeline.Services.GetRequiredService<Core.Briefings.BriefingRunner>()
            .RunAsync(harness.Briefing, fire.AddDays(-1), CancellationToken.None);

        Assert.True(recent.Skipped); // maybe still running elsewhere
        Assert.Equal((false, BriefingOutcome.Posted), (stale.Skipped, stale.Outcome));
        Assert.Single(team.Sent);
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("briefing_runs", "outcome = 'posted'"));
    }
}
