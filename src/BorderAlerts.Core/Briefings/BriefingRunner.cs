using System.Collections.Concurrent;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Briefings;

/// <summary>A briefing as it would be posted: the brief and its chat report (with the chart, unless the window was quiet).</summary>
public sealed record BriefingPost(Brief Brief, ChatReport Report);

/// <summary>What became of one firing: skipped (another instance or an earlier run took it), posted, or failed with the reasons by destination.</summary>
public sealed record BriefingResult(bool Skipped, BriefingOutcome Outcome, IReadOnlyDictionary<string, string?> Destinations, BriefingPost? Post)
{
    public string? Error => Destinations.Where(d => d.Value is not null) is var failed && failed.Any()
        ? string.Join("; ", failed.Select(d => $"{d.Key}: {d.Value}")) : null;
}

/// <summary>
/// Runs one firing of a briefing: takes it in the store (so one firing posts once, whichever instance fires it), composes
/// the brief, and posts it to each destination (<see cref="BriefingPoster"/>), then dead-letters what failed: the run is
/// recorded failed and the admin destination is told. A run that stops part way (shutdown, a time limit, an error) is
/// recorded failed and told too, never left running; a claim still running after <see cref="BriefingRun.Lease"/> (its
/// instance died) can be taken over. Nothing here throws for an expected failure.
/// </summary>
public sealed class BriefingRunner(IBriefingAlerts alerts, IBriefingRuns runs, IRuleSource rules, BriefingPoster poster, IVolumeChart chart,
    DeliveryRunner delivery, BriefingLanguage language, TimeProvider clock, ILogger<BriefingRunner> log)
{
    /// <summary>The brief of the window that ends at <paramref name="at"/>, without posting or recording anything.</summary>
    public async Task<BriefingPost> ComposeAsync(BriefingDefinition briefing, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var from = BriefingWindow.Start(briefing, at);
        var read = await alerts.AlertsAsync(from - (at - from), at, language.Target, cancellationToken, withText: briefing.Query is not null);
        var brief = BriefComposer.Compose(briefing, BriefingQuery.Filter(read, briefing.Query, rules.Current), from, at);
        var png = brief.Quiet ? null : chart.Render(brief.Volume, briefing.TimeZone, $"{brief.Name}: alerted items");
        return new BriefingPost(brief, BriefReport.Of(brief, briefing.Query, png));
    }

    /// <param name="recovering">Quartz recovers a firing whose instance died: its claim is taken over at once.</param>
    public async Task<BriefingResult> RunAsync(BriefingDefinition briefing, DateTimeOffset fireTime, CancellationToken cancellationToken, bool recovering = false)
    {
        var started = clock.GetUtcNow();
        if (!await runs.ClaimAsync(briefing.Id, fireTime, started, cancellationToken, recovering ? TimeSpan.Zero : BriefingRun.Lease))
        {
            log.LogInformation("Briefing {Briefing} of {FireTime:u} was already run; not posted again", briefing.Id, fireTime);
            return new BriefingResult(true, BriefingOutcome.Posted, new Dictionary<string, string?>(), null);
        }
        var done = new ConcurrentDictionary<string, string?>();
        try
        {
            BriefingPost post;
            try { post = await ComposeAsync(briefing, fireTime, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Briefing {Briefing} could not be composed", briefing.Id);
                return await FinishAsync(briefing, fireTime, new Dictionary<string, string?> { ["compose"] = e.Message }, null);
            }
            // Retries end at half the lease, so no other instance takes the claim over while this one still posts.
            var sent = await poster.PostAsync(briefing.To, new ChatMessage.Report(post.Report), started + BriefingRun.Lease / 2, done, cancellationToken);
            return await FinishAsync(briefing, fireTime, sent, post);
        }
        catch (Exception e)
        {
            await AbandonAsync(briefing, fireTime, done, e);
            throw;
        }
    }

    async Task<BriefingResult> FinishAsync(BriefingDefinition briefing, DateTimeOffset fireTime, Dictionary<string, string?> sent, BriefingPost? post)
    {
        var result = new BriefingResult(false, sent.Values.All(e => e is null) ? BriefingOutcome.Posted : BriefingOutcome.Failed, sent, post);
        await runs.FinishAsync(briefing.Id, fireTime, result.Outcome, result.Error, clock.GetUtcNow(), CancellationToken.None);
        if (result.Error is { } error) await delivery.NotifyAdminAsync($"Briefing '{briefing.Id}' was not posted everywhere and was dead-lettered: {error}");
        else log.LogInformation("Briefing {Briefing} posted to {Destinations}", briefing.Id, string.Join(", ", sent.Keys));
        return result;
    }

    /// <summary>Records a run that stopped part way as failed (whatever the caller's token says) and tells the admin destination.</summary>
    async Task AbandonAsync(BriefingDefinition briefing, DateTimeOffset fireTime, IReadOnlyDictionary<string, string?> done, Exception stop)
    {
        var why = stop is OperationCanceledException ? "it was cancelled (shutdown or a time limit)" : $"{stop.GetType().Name}: {stop.Message}";
        var posted = done.Where(d => d.Value is null).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        var error = $"stopped part way, {why}; posted to {(posted.Count > 0 ? string.Join(", ", posted) : "no destination")}";
        try { await runs.FinishAsync(briefing.Id, fireTime, BriefingOutcome.Failed, error, clock.GetUtcNow(), CancellationToken.None); }
        catch (Exception e) { log.LogError(e, "Briefing {Briefing}'s stopped run could not be recorded", briefing.Id); }
        await delivery.NotifyAdminAsync($"Briefing '{briefing.Id}' of {fireTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC {error}. It was dead-lettered.");
    }
}

/// <summary>The language translated titles are kept in (Translation:TargetLanguage), or null without a translator.</summary>
public sealed record BriefingLanguage(string? Target);
