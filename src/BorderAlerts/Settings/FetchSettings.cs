using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Fetch: how feeds are downloaded.</summary>
public sealed class FetchSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Fetch";

    public string? UserAgent { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    public int MaxBodyMegabytes { get; set; } = 10;
    public int MaxRedirects { get; set; } = 5;
    public int MaxConcurrencyPerHost { get; set; } = 2;
    /// <summary>Lets feeds added from chat reach loopback, private, link-local and metadata addresses (off: they are refused).</summary>
    public bool AllowPrivateAddresses { get; set; }
}

public sealed class FetchSettingsValidator : IValidateOptions<FetchSettings>
{
    public ValidateOptionsResult Validate(string? name, FetchSettings o) => new SettingsProblems(FetchSettings.Section)
        .Check(o.TimeoutSeconds is >= 1 and <= 600, "TimeoutSeconds", $"{o.TimeoutSeconds} is outside 1–600")
        .Check(o.MaxBodyMegabytes is >= 1 and <= 1024, "MaxBodyMegabytes", $"{o.MaxBodyMegabytes} is outside 1–1024")
        .Check(o.MaxRedirects is >= 0 and <= 20, "MaxRedirects", $"{o.MaxRedirects} is outside 0–20")
        .Check(o.MaxConcurrencyPerHost is >= 1 and <= 256, "MaxConcurrencyPerHost", $"{o.MaxConcurrencyPerHost} is outside 1–256")
        .Result;
}
