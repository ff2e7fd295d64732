using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>
/// BorderAlerts:PublicUrl: the address people reach this service at, for the web panel's sign-in links. Optional: without
/// it `/panel` says what to set. Its scheme decides whether the panel's cookie is Secure.
/// </summary>
public sealed class PanelSettings : ISettingsSection
{
    public static string Section => "BorderAlerts";

    public string? PublicUrl { get; set; }

    /// <summary>The public address without a trailing slash, or null when not set.</summary>
    public string? BaseUrl() => string.IsNullOrWhiteSpace(PublicUrl) ? null : PublicUrl.Trim().TrimEnd('/');

    public bool IsHttps => BaseUrl() is { } url && url.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
}

public sealed class PanelSettingsValidator : IValidateOptions<PanelSettings>
{
    public ValidateOptionsResult Validate(string? name, PanelSettings o) => new SettingsProblems(PanelSettings.Section)
        .Check(o.BaseUrl() is not { } url || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0,
            "PublicUrl", "is not an absolute http or https address without a query (e.g. https://alerts.example.org)")
        .Result;
}
