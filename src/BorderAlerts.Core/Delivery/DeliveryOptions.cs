namespace BorderAlerts.Core.Delivery;

public sealed class DeliveryOptions
{
    /// <summary>Attempts (not counting platform-requested waits) before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>How long a chat platform may take to answer one request before it counts as a retryable failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int ClaimBatch { get; set; } = 500;
    /// <summary>How long a destination that refused us (bad token, deleted webhook) rests before one probe.</summary>
    public TimeSpan SuspendFor { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Cards one rule may send to one destination per <see cref="FloodWindow"/> before it turns into a digest; 0 = never.</summary>
    public int FloodBudget { get; set; } = 30;
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>The longest pause a platform's 429 can impose on one destination; longer requests are cut to this.</summary>
    public TimeSpan MaxPlatformWait { get; set; } = TimeSpan.FromHours(1);
}
