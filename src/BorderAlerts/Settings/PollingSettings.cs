using BorderAlerts.Core.Feeds;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Polling: how the poll loop claims and runs due feeds, and how often a feed that does not say is polled.</summary>
public sealed class PollingSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Polling";

    /// <summary>How often the scheduler looks for due feeds.</summary>
    public int TickSeconds { get; set; } = 5;
    public int Parallelism { get; set; } = 32;
    public int ClaimBatch { get; set; } = 256;
    public int LeaseSeconds { get; set; } = 300;
    public double MaxBackoffHours { get; set; } = 4;
    /// <summary>The <c>every:</c> of a feeds.yaml entry without one: a duration (30s, 10m, 2h) or auto.</summary>
    public string DefaultEvery { get; set; } = "10m";
    /// <summary>The bounds of <c>every: auto</c> where a feed gives no <c>min:</c> or <c>max:</c>.</summary>
    public string AutoMin { get; set; } = "2m";
    public string AutoMax { get; set; } = "1h";

    /// <summary>The feeds.yaml defaults these settings make; call only once validated.</summary>
    public FeedDefaults FeedDefaults() => new(IsAuto(DefaultEvery) ? null : Duration(DefaultEvery),
        new AdaptiveBounds(Duration(AutoMin)!.Value, Duration(AutoMax)!.Value));

    internal static bool IsAuto(string? every) => every?.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) == true;

    internal static TimeSpan? Duration(string? text) => DurationParser.TryParse(text, out var value) && value > TimeSpan.Zero ? value : null;
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
        var (min, max) = (PollingSettings.Duration(o.AutoMin), PollingSettings.Duration(o.AutoMax));
        return new SettingsProblems(PollingSettings.Section)
            .Check(o.TickSeconds is >= 1 and <= 3600, "TickSeconds", $"{o.TickSeconds} is outside 1–3600")
            .Check(o.Parallelism is >= 1 and <= 1024, "Parallelism", $"{o.Parallelism} is outside 1–1024")
            .Check(o.ClaimBatch is >= 1 and <= 10_000, "ClaimBatch", $"{o.ClaimBatch} is outside 1–10000")
            .Check(o.LeaseSeconds >= fetch.TimeoutSeconds * 2, "LeaseSeconds",
                $"{o.LeaseSeconds} must be at least twice Fetch:TimeoutSeconds, or a slow poll could be taken twice")
            .Check(o.MaxBackoffHours is > 0 and <= 48, "MaxBackoffHours", $"{o.MaxBackoffHours} is outside 0–48")
            .Check(PollingSettings.IsAuto(o.DefaultEvery) || PollingSettings.Duration(o.DefaultEvery) is not null, "DefaultEvery",
                "is not a duration (examples: 30s, 10m, 2h) or auto")
            .Check(min is not null, "AutoMin", "is not a duration (examples: 2m, 1h)")
            .Check(min is null || min >= FeedDefaults.ShortestMin, "AutoMin", $"is too often (at least {DurationParser.Format(FeedDefaults.ShortestMin)})")
            .Check(max is not null, "AutoMax", "is not a duration (examples: 2m, 1h)")
            .Check(min is null || max is null || max >= min, "AutoMax", "is shorter than AutoMin")
            .Result;
    }
}
