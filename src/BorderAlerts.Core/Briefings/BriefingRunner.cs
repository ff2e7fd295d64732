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
/// the brief, and posts it to each destination. A failed post is retried as a card is (backoff, Retry-After waits that cost
/// no attempt, <see cref="DeliveryOptions.MaxAttempts"/>), then dead-lettered: the run is recorded failed and the admin
/// destination is told. Nothing here throws for an expected failure.
/// </summary>
public sealed class BriefingRunner(IBriefingAlerts alerts, IBriefingRuns runs, IRuleSource rules, IDestinations destinations, IVolumeChart chart,
    DeliveryRunner delivery, DeliveryOptions options, BriefingLanguage language, TimeProvider clock, ILogger<BriefingRunner> log)
{
    /// <summary>The brief of the window that ends at <paramref name="at"/>, without posting or recording anything.</summary>
    public async Task<BriefingPost> ComposeAsync(BriefingDefinition briefing, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var from = at - briefing.Window;
        var read = await alerts.AlertsAsync(from - briefing.Window, at, language.Target, cancellationToken);
        var brief = BriefComposer.Compose(briefing, BriefingQuery.Filter(read, briefing.Query, rules.Current), from, at);
        var png = brief.Quiet ? null : chart.Render(brief.Volume, briefing.TimeZone, $"{brief.Name}: alerted items");
        return new BriefingPost(brief, BriefReport.Of(brief, briefing.Query, png));
    }

    public async Task<BriefingResult> RunAsync(BriefingDefinition briefing, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        if (!await runs.ClaimAsync(briefing.Id, fireTime, clock.GetUtcNow(), cancellationToken))
        {
            log.LogInformation("Briefing {Briefing} of {FireTime:u} was already run; not posted again", briefing.Id, fireTime);
            return new BriefingResult(true, BriefingOutcome.Posted, new Dictionary<string, string?>(), null);
        }
        BriefingPost post;
        try { post = await ComposeAsync(briefing, fireTime, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Briefing {Briefing} could not be composed", briefing.Id);
            return await FinishAsync(briefing, fireTime, new Dictionary<string, string?> { ["compose"] = e.Message }, null);
        }
        var sent = new Dictionary<string, string?>();
        foreach (var name in briefing.To)
            sent[name] = destinations.Find(name) is { } sink ? await PostAsync(sink, new ChatMessage.Report(post.Report), cancellationToken)
                : "not a destination in settings";
        return await FinishAsync(briefing, fireTime, sent, post);
    }

    async Task<BriefingResult> FinishAsync(BriefingDefinition briefing, DateTimeOffset fireTime, Dictionary<string, string?> sent, BriefingPost? post)
    {
        var result = new BriefingResult(false, sent.Values.All(e => e is null) ? BriefingOutcome.Posted : BriefingOutcome.Failed, sent, post);
        await runs.FinishAsync(briefing.Id, fireTime, result.Outcome, result.Error, clock.GetUtcNow(), CancellationToken.None);
        if (result.Error is { } error) await delivery.NotifyAdminAsync($"Briefing '{briefing.Id}' was not posted everywhere and was dead-lettered: {error}");
        else log.LogInformation("Briefing {Briefing} posted to {Destinations}", briefing.Id, string.Join(", ", sent.Keys));
        return result;
    }

    /// <summary>Null when posted; else why not, after the attempts a card would get.</summary>
    async Task<string?> PostAsync(IChatSink sink, ChatMessage message, CancellationToken cancellationToken)
    {
        for (int attempts = 0, waits = 0; ;)
        {
            var outcome = await SafeSendAsync(sink, message, cancellationToken);
            switch (outcome)
            {
                case DeliveryOutcome.Delivered: return null;
                case DeliveryOutcome.Permanent refused: return refused.Error;
                case DeliveryOutcome.RateLimited limited when ++waits <= options.MaxAttempts:
                    await Task.Delay(limited.RetryAfter < options.MaxPlatformWait ? limited.RetryAfter : options.MaxPlatformWait, clock, cancellationToken);
                    break;
                case DeliveryOutcome.RateLimited: return $"still rate limited after {waits - 1} waits";
                case DeliveryOutcome.Retryable failed:
                    if (++attempts >= options.MaxAttempts) return $"{failed.Error} (after {attempts} attempts)";
                    log.LogWarning("Briefing post failed ({Error}); attempt {Attempt} of {Max} follows", failed.Error, attempts + 1, options.MaxAttempts);
                    await Task.Delay(DeliveryRunner.Backoff(attempts), clock, cancellationToken);
                    break;
            }
        }
    }

    static async Task<DeliveryOutcome> SafeSendAsync(IChatSink sink, ChatMessage message, CancellationToken cancellationToken)
    {
        try { return await sink.SendAsync(message, cancellationToken); }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        { return new DeliveryOutcome.Retryable($"{e.GetType().Name}: {e.Message}"); }
    }
}

/// <summary>The language translated titles are kept in (Translation:TargetLanguage), or null without a translator.</summary>
public sealed record BriefingLanguage(string? Target);
