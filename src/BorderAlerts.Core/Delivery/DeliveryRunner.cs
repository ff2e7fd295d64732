using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Delivery stage: claims due outbox entries and sends them, destinations in parallel, each destination in order.
/// Cards are batched; replies go into their story's thread; a flooding rule becomes a digest. A 429 pauses the
/// destination for the time asked without counting an attempt; 5xx and timeouts back off and dead-letter after
/// MaxAttempts; a refusal (bad token, deleted webhook) dead-letters, notifies the admin destination and rests the
/// destination, so there is no retry storm. Every outcome is recorded on the entry. Alerts for a muted destination are
/// recorded as not sent, with the mute named; they do not pile up for later. (A muted rule matches nothing: FeedPoller.)
/// Cards are translated once a destination's messages are planned; a card whose translation comes late is edited
/// after its message's send is recorded (<see cref="LateCardEditor"/>).
/// </summary>
public sealed class DeliveryRunner(IOutboxStore outbox, IDestinations destinations, CardFactory cards, FloodGate flood,
    TimeProvider clock, DeliveryOptions options, ILogger<DeliveryRunner> log, IMutes? mutes = null, DeliveryMetrics? metrics = null,
    CardTranslator? translator = null, LateCardEditor? editor = null)
{
    readonly DeliveryMetrics _metrics = metrics ?? new DeliveryMetrics();

    readonly ConcurrentDictionary<string, DateTimeOffset> _resting = new();
    /// <summary>Destinations a platform asked to pause, until when: one admin notice per pause.</summary>
    readonly ConcurrentDictionary<string, DateTimeOffset> _paused = new();
    /// <summary>A rate-limit pause this long is news for the admin destination.</summary>
    static readonly TimeSpan LongPause = TimeSpan.FromMinutes(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var entries = await outbox.ClaimAsync(clock.GetUtcNow(), options.ClaimBatch, options.Lease, cancellationToken);
        if (entries.Count == 0) return 0;
        var sent = 0;
        var notices = new PassNotices(NotifyAdminAsync);
        await Task.WhenAll(entries.GroupBy(e => e.Destination).Select(async group =>
            Interlocked.Add(ref sent, await DeliverAsync(group.Key, group.OrderBy(e => e.Id).ToList(), notices, cancellationToken))));
        await notices.FlushAsync();
        return sent;
    }

    /// <param name="notices">The translator's outage notices, sent once the pass's cards have gone.</param>
    async Task<int> DeliverAsync(string destination, List<OutboxEntry> entries, PassNotices notices, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (destinations.Find(destination) is not { } sink)
        {
            await Record(entries, DeliveryState.Dead, $"no destination named '{destination}' in settings");
            await NotifyAdminAsync($"Alerts for '{destination}' were dead-lettered: no destination of that name is configured.");
            return 0;
        }
        entries = await DropMutedAsync(destination, entries, now);
        if (entries.Count == 0) return 0;
        if (_resting.TryGetValue(destination, out var until) && until > now)
        {
            await Record(entries, DeliveryState.Retry, null, until, countsAsAttempt: false);
            return 0;
        }
        var plan = DeliveryPlan.Build(destination, entries, sink.MaxCardsPerMessage, cards.Build, flood, now);
        await Record(plan.Held, DeliveryState.Retry, null, plan.HeldUntil, countsAsAttempt: false);
        // Translated after planning, so a digest asks only for its titles; all of a destination's messages wait together.
        var (messages, late) = translator is null ? new TranslatedMessages(plan.Messages, new Dictionary<long, Task<CardTranslation?>>())
            : await PlanTranslation.TranslateAsync(translator, plan.Messages, notices.NotifyAsync, cancellationToken);
        int delivered = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            var (message, batch) = messages[i];
            var outcome = await SafeSendAsync(sink, message);
            if (outcome is DeliveryOutcome.Delivered ok)
            {
                var sentAt = clock.GetUtcNow();
                await outbox.RecordAsync(new DeliveryRecord(batch.Select(e => e.Id).ToList(), DeliveryState.Sent, sentAt)
                    { MessageId = ok.MessageId, ThreadId = ok.ThreadId, Digest = message is ChatMessage.Digest }, CancellationToken.None);
                Observe(destination, "sent", batch, $"message {ok.MessageId}");
                if (editor is not null && message is ChatMessage.Cards or ChatMessage.Reply) // recorded first: an edit cannot race the send
                    editor.EditWhenTranslated(new SentMessage(destination, ok.MessageId, ok.ThreadId, message is ChatMessage.Reply ? DeliveryKind.Reply : DeliveryKind.Card),
                        batch.Select(e => late.GetValueOrDefault(e.Id)).OfType<Task<CardTranslation?>>());
                foreach (var entry in batch) if (entry.Alert.FirstSeen is { } seen) _metrics.Latency(sentAt - seen);
                foreach (var rule in batch.GroupBy(e => e.Alert.RuleId)) flood.Sent(destination, rule.Key, rule.Count(), clock.GetUtcNow());
                if (message is ChatMessage.Digest && batch.Count > 0)
                    flood.DigestSent(destination, batch[0].Alert.RuleId, entries.Count(e => e.Alert.RuleId == batch[0].Alert.RuleId), clock.GetUtcNow());
                delivered += batch.Count;
                continue;
            }
            var rest = messages.Skip(i + 1).SelectMany(m => m.Batch).ToList();
            await FailAsync(destination, batch, rest, outcome);
            break;
        }
        return delivered;
    }

    async Task FailAsync(string destination, List<OutboxEntry> batch, List<OutboxEntry> rest, DeliveryOutcome outcome)
    {
        var now = clock.GetUtcNow();
        Observe(destination, Outcome(outcome), batch, outcome switch
        {
            DeliveryOutcome.RateLimited r => $"rate limited for {Describe(r.RetryAfter)}",
            DeliveryOutcome.Permanent p => p.Error,
            DeliveryOutcome.Retryable r => r.Error,
            _ => outcome.ToString(),
        });
        switch (outcome)
        {
            case DeliveryOutcome.RateLimited limited:
                var pause = limited.RetryAfter < options.MaxPlatformWait ? limited.RetryAfter : options.MaxPlatformWait;
                await Record([.. batch, .. rest], DeliveryState.Retry, "rate limited", now + pause, countsAsAttempt: false);
                if (pause >= LongPause && (!_paused.TryGetValue(destination, out var was) || was <= now))
                    await NotifyAdminAsync($"'{destination}' asked us to pause for {Describe(limited.RetryAfter)}{(limited.Global ? " (a global limit)" : "")}: " +
                        $"its alerts wait until {(now + pause).UtcDateTime:yyyy-MM-dd HH:mm} UTC; other destinations go on.");
                _paused[destination] = now + pause;
                break;
            case DeliveryOutcome.Permanent refused:
                _resting[destination] = now + options.SuspendFor;
                await Record(batch, DeliveryState.Dead, refused.Error);
                await Record(rest, DeliveryState.Retry, null, now + options.SuspendFor, countsAsAttempt: false);
                log.LogError("Destination {Destination} refused delivery: {Error}; resting it for {Rest}", destination, refused.Error, options.SuspendFor);
                if (destination != destinations.AdminDestination)
                    await NotifyAdminAsync($"Destination '{destination}' refused an alert ({refused.Error}). It was dead-lettered; " +
                        $"the destination rests for {options.SuspendFor.TotalMinutes:0} min, then one probe is sent. Check its settings.");
                break;
            default:
                var error = (outcome as DeliveryOutcome.Retryable)?.Error ?? outcome.ToString();
                var dead = batch.Where(e => e.Attempts + 1 >= options.MaxAttempts).ToList();
                var retry = batch.Except(dead).ToList();
                await Record(dead, DeliveryState.Dead, error);
                var wait = Backoff(batch.Max(e => e.Attempts) + 1);
                await Record(retry, DeliveryState.Retry, error, now + wait);
                await Record(rest, DeliveryState.Retry, null, now + wait, countsAsAttempt: false);
                if (dead.Count > 0 && destination != destinations.AdminDestination)
                    await NotifyAdminAsync($"{dead.Count} alert(s) to '{destination}' were dead-lettered after {options.MaxAttempts} attempts: {error}");
                break;
        }
    }

    /// <summary>One log line and one count per delivery outcome: which rules, which destination, the message id or the error.</summary>
    void Observe(string destination, string outcome, List<OutboxEntry> batch, string detail)
    {
        _metrics.Count(destination, outcome, batch.Count);
        var rules = string.Join(",", batch.Select(e => e.Alert.RuleId).Distinct());
        if (outcome == "sent") log.LogInformation("Delivered {Count} alert(s) of {Rules} to {Destination}: {Detail}", batch.Count, rules, destination, detail);
        else log.LogWarning("Delivery of {Count} alert(s) of {Rules} to {Destination} {Outcome}: {Detail}", batch.Count, rules, destination, outcome, detail);
    }

    static string Outcome(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => "sent",
        DeliveryOutcome.RateLimited => "rate_limited",
        DeliveryOutcome.Permanent => "refused",
        _ => "failed",
    };

    static string Describe(TimeSpan wait) => wait.TotalHours >= 1 ? $"{wait.TotalHours:0.#} h" : wait.TotalMinutes >= 1 ? $"{wait.TotalMinutes:0} min" : $"{wait.TotalSeconds:0} s";

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1 after a retryable failure; briefings retry on it too.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 12))) * (0.8 + 0.4 * Random.Shared.NextDouble()));

    Task<DeliveryOutcome> SafeSendAsync(IChatSink sink, ChatMessage message) => SafeSendAsync(sink, message, log, CancellationToken.None);

    /// <summary>
    /// Sends, mapping whatever the sink throws to an outcome so no entry or briefing is left claimed: network trouble and
    /// timeouts are retried; anything else (a bug, a setting the sink cannot use) is refused and logged with its exception.
    /// Only a cancellation asked for through <paramref name="cancellationToken"/> propagates.
    /// </summary>
    public static async Task<DeliveryOutcome> SafeSendAsync(IChatSink sink, ChatMessage message, ILogger log, CancellationToken cancellationToken)
    {
        try { return await sink.SendAsync(message, cancellationToken); }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        { return new DeliveryOutcome.Retryable($"{e.GetType().Name}: {e.Message}"); }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError(e, "A destination failed unexpectedly");
            return new DeliveryOutcome.Permanent($"unexpected {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// News for a team's destination that is not an alert (new designations on a watchlist): sent now, not to a muted
    /// or resting destination; if it fails, the log keeps it.
    /// </summary>
    public async Task TellAsync(string destination, string text)
    {
        var now = clock.GetUtcNow();
        if (destinations.Find(destination) is not { } sink || mutes?.MutedUntil(destination, now) is not null
            || (_resting.TryGetValue(destination, out var until) && until > now))
        {
            log.LogWarning("Not told to {Destination} (unknown, muted or resting): {News}", destination, text);
            return;
        }
        var outcome = await SafeSendAsync(sink, new ChatMessage.Notice(text));
        if (outcome is not DeliveryOutcome.Delivered) log.LogError("Not delivered to {Destination} ({Outcome}): {News}", destination, outcome, text);
    }

    /// <summary>Operational notices go straight to the admin destination; if it fails, the log keeps them.</summary>
    public async Task NotifyAdminAsync(string text)
    {
        log.LogWarning("{Notice}", text);
        if (destinations.AdminDestination is not { } admin || destinations.Find(admin) is not { } sink) return;
        if (_resting.TryGetValue(admin, out var until) && until > clock.GetUtcNow()) return;
        var outcome = await SafeSendAsync(sink, new ChatMessage.Notice(text));
        if (outcome is not DeliveryOutcome.Delivered) log.LogError("Admin notice not delivered ({Outcome}): {Notice}", outcome, text);
    }

    async Task<List<OutboxEntry>> DropMutedAsync(string destination, List<OutboxEntry> entries, DateTimeOffset now)
    {
        if (mutes?.MutedUntil(destination, now) is not { } until) return entries;
        await Record(entries, DeliveryState.Dead, $"not sent: '{destination}' is muted until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        Observe(destination, "muted", entries, $"muted until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return [];
    }

    Task Record(IReadOnlyCollection<OutboxEntry> entries, DeliveryState state, string? error, DateTimeOffset? next = null, bool countsAsAttempt = true) =>
        entries.Count == 0 ? Task.CompletedTask : outbox.RecordAsync(new DeliveryRecord(entries.Select(e => e.Id).ToList(), state, clock.GetUtcNow())
            { Error = error, NextAttempt = next, CountsAsAttempt = countsAsAttempt }, CancellationToken.None);
}
