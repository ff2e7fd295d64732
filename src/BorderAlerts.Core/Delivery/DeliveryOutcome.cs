namespace BorderAlerts.Core.Delivery;

/// <summary>What a platform said to one send. Expected failures are values; each platform maps HTTP to these in one function.</summary>
public abstract record DeliveryOutcome
{
    /// <summary>Posted; the platform's message id (Discord) or ts (Slack), and the thread to reply in, if any.</summary>
    public sealed record Delivered(string MessageId, string? ThreadId = null) : DeliveryOutcome;

    /// <summary>429: wait this long before the next request to this destination.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter, bool Global = false) : DeliveryOutcome;

    /// <summary>Worth retrying later (5xx, timeout, network).</summary>
    public sealed record Retryable(string Error) : DeliveryOutcome;

    /// <summary>Will not work until someone fixes it (bad token, deleted webhook, unknown channel): dead-letter, no retry storm.</summary>
    public sealed record Permanent(string Error) : DeliveryOutcome
    {
        /// <summary>The HTTP status and the platform's own error code, when it gave them, for a sink that can work around one.</summary>
        public int? Status { get; init; }
        public int? Code { get; init; }
    }
}
