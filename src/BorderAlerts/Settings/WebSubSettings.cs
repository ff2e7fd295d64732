using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>
/// BorderAlerts:WebSub: push from the hubs feeds name (W3C WebSub). Subscriptions need BorderAlerts:PublicUrl, the address
/// hubs call back at ({PublicUrl}/websub/…); without it, or with Enabled false, every feed is polled as before.
/// </summary>
public sealed class WebSubSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:WebSub";

    public bool Enabled { get; set; } = true;
    /// <summary>The lease asked of hubs; renewed at four fifths of what a hub grants.</summary>
    public int LeaseHours { get; set; } = 168;
    /// <summary>How often a feed a hub pushes is still polled, to catch what a hub dropped.</summary>
    public int SafetyMinutes { get; set; } = 60;
    /// <summary>How long a hub has to verify a request before it is sent again.</summary>
    public int VerifyMinutes { get; set; } = 10;
}

public sealed class WebSubSettingsValidator : IValidateOptions<WebSubSettings>
{
    public ValidateOptionsResult Validate(string? name, WebSubSettings o) => new SettingsProblems(WebSubSettings.Section)
        .Check(o.LeaseHours is >= 1 and <= 8760, "LeaseHours", $"{o.LeaseHours} is outside 1–8760")
        .Check(o.SafetyMinutes is >= 1 and <= 1440, "SafetyMinutes", $"{o.SafetyMinutes} is outside 1–1440")
        .Check(o.VerifyMinutes is >= 1 and <= 1440, "VerifyMinutes", $"{o.VerifyMinutes} is outside 1–1440")
        .Result;
}
