using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Polling: how the poll loop claims and runs due feeds.</summary>
public sealed class PollingSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Polling";

    /// <summary>How often the scheduler looks for due feeds.</summary>
    public int TickSeconds { get; set; } = 5;
    public int Parallelism { get; set; } = 32;
    public int ClaimBatch { get; set; } = 256;
    public int LeaseSeconds { get; set; } = 300;
    public double MaxBackoffHours { get; set; } = 4;
}

/// <summary>
/// The lease is checked against Fetch:TimeoutSeconds as written, not as validated, so a bad fetch setting is reported
/// once by its own check and never hides this one.
/// </summary>
public sealed class PollingSettingsValidator(IConfiguration configuration) : IValidateOptions<PollingSettings>
{
    public ValidateOptionsResult Validate(string? name, PollingSettings o)
    {
        var fetch = configuration.GetSettings<FetchSettings>();
        return new SettingsProblems(PollingSettings.Section)
            .Check(o.TickSeconds is >= 1 and <= 3600, "TickSeconds", $"{o.TickSeconds} is outside 1–3600")
            .Check(o.Parallelism is >= 1 and <= 1024, "Parallelism", $"{o.Parallelism} is outside 1–1024")
            .Check(o.ClaimBatch is >= 1 and <= 10_000, "ClaimBatch", $"{o.ClaimBatch} is outside 1–10000")
            .Check(o.LeaseSeconds >= fetch.TimeoutSeconds * 2, "LeaseSeconds",
                $"{o.LeaseSeconds} must be at least twice Fetch:TimeoutSeconds, or a slow poll could be taken twice")
            .Check(o.MaxBackoffHours is > 0 and <= 48, "MaxBackoffHours", $"{o.MaxBackoffHours} is outside 0–48")
            .Result;
    }
}
