using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Delivery: how the outbox is sent and when a flooding rule turns into a digest.</summary>
public sealed class DeliverySettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Delivery";

    public int TickSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 8;
    public int TimeoutSeconds { get; set; } = 20;
    /// <summary>Cards per rule per destination per window before the rule turns into a digest; 0 turns digests off.</summary>
    public int FloodBudget { get; set; } = 30;
    public int FloodWindowMinutes { get; set; } = 10;
    public int SuspendMinutes { get; set; } = 60;
}

public sealed class DeliverySettingsValidator : IValidateOptions<DeliverySettings>
{
    public ValidateOptionsResult Validate(string? name, DeliverySettings o) => new SettingsProblems(DeliverySettings.Section)
        .Check(o.TickSeconds is >= 1 and <= 600, "TickSeconds", $"{o.TickSeconds} is outside 1–600")
        .Check(o.TimeoutSeconds is >= 1 and <= 120, "TimeoutSeconds", $"{o.TimeoutSeconds} is outside 1–120")
        .Check(o.MaxAttempts is >= 1 and <= 100, "MaxAttempts", $"{o.MaxAttempts} is outside 1–100")
        .Check(o.FloodBudget >= 0, "FloodBudget", "must not be negative (0 turns digests off)")
        .Result;
}
