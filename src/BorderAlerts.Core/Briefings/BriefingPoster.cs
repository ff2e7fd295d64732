using System.Collections.Concurrent;
using BorderAlerts.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Briefings;

/// <summary>
/// Posts one brief to its destinations, each on its own: every destination gets its first attempt at once, and only a
/// failed one is retried, as a card is (backoff, Retry-After waits that cost no attempt, <see cref="DeliveryOptions.MaxAttempts"/>),
/// so one destination down holds up no other. No retry waits past the deadline, so a run ends within its claim's lease.
/// </summary>
public sealed class BriefingPoster(IDestinations destinations, DeliveryOptions options, TimeProvider clock, ILogger<BriefingPoster> log)
{
    /// <summary>Why each destination was not posted to (null: posted), in <paramref name="to"/>'s order; each is also put in <paramref name="done"/> as it ends.</summary>
    public async Task<Dictionary<string, string?>> PostAsync(IReadOnlyList<string> to, ChatMessage message, DateTimeOffset deadline,
        ConcurrentDictionary<string, string?> done, CancellationToken cancellationToken)
    {
        await Task.WhenAll(to.Distinct().Select(async name => done[name] = destinations.Find(name) is { } sink
            ? await PostAsync(sink, message, deadline, cancellationToken) : "not a destination in settings"));
        return to.Distinct().ToDictionary(name => name, name => done[name]);
    }

    async Task<string?> PostAsync(IChatSink sink, ChatMessage message, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        for (int attempts = 0, waits = 0; ;)
        {
            TimeSpan wait;
            string error;
            switch (await DeliveryRunner.SafeSendAsync(sink, message, log, cancellationToken))
            {
                case DeliveryOutcome.Delivered: return null;
                case DeliveryOutcome.Permanent refused: return refused.Error;
                case DeliveryOutcome.RateLimited limited when ++waits <= options.MaxAttempts:
                    (wait, error) = (limited.RetryAfter < options.MaxPlatformWait ? limited.RetryAfter : options.MaxPlatformWait, "rate limited");
                    break;
                case DeliveryOutcome.RateLimited: return $"still rate limited after {waits - 1} waits";
                case DeliveryOutcome.Retryable failed when ++attempts >= options.MaxAttempts: return $"{failed.Error} (after {attempts} attempts)";
                case DeliveryOutcome.Retryable failed:
                    (wait, error) = (DeliveryRunner.Backoff(attempts), failed.Error);
                    log.LogWarning("Briefing post failed ({Error}); attempt {Attempt} of {Max} follows", failed.Error, attempts + 1, options.MaxAttempts);
                    break;
                case var other: return other.ToString();
            }
            if (clock.GetUtcNow() + wait > deadline) return $"{error}; not retried: the run's time was up";
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
