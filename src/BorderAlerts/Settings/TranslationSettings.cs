using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Translation: the machine translator cards will use. Off (none) by default. ApiKey is a secret.</summary>
public sealed partial class TranslationSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Translation";

    public const string None = "none", LibreTranslate = "libretranslate", DeepL = "deepl";
    public static readonly string[] Providers = [None, LibreTranslate, DeepL];

    /// <summary>DeepL's free API; Pro accounts set Url to https://api.deepl.com.</summary>
    public const string DeepLFreeUrl = "https://api-free.deepl.com";

    public string Provider { get; set; } = None;
    /// <summary>LibreTranslate's base address (required for it); DeepL's API base (default <see cref="DeepLFreeUrl"/>).</summary>
    public string? Url { get; set; }
    /// <summary>Secret: only from the environment or user-secrets; never logged nor repeated in a problem.</summary>
    public string? ApiKey { get; set; }
    public string TargetLanguage { get; set; } = "en";
    /// <summary>Characters sent per day (UTC) by this process; 0: unlimited.</summary>
    public long DailyCharacterBudget { get; set; } = 200_000;
    public int TimeoutSeconds { get; set; } = 5;
    /// <summary>
    /// Cards link non-target-language items to Google's public translator, which sends the article's address to Google:
    /// off unless an operator turns it on.
    /// </summary>
    public bool PublicTranslatorLink { get; set; }

    /// <summary>The provider as one of <see cref="Providers"/>, whatever its case.</summary>
    public string ProviderName() => Provider.Trim().ToLowerInvariant();

    /// <summary>The base address requests go to: Url, or DeepL's free API when Url is empty.</summary>
    public Uri BaseUrl() => new(string.IsNullOrWhiteSpace(Url) && ProviderName() == DeepL ? DeepLFreeUrl : Url!.TrimEnd('/') + "/");

    /// <summary>Never shows the API key.</summary>
    public override string ToString() => $"translation {ProviderName()} → {TargetLanguage}";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    internal static partial Regex LanguageTag();
}

public sealed class TranslationSettingsValidator : IValidateOptions<TranslationSettings>
{
    public ValidateOptionsResult Validate(string? name, TranslationSettings o)
    {
        var provider = o.ProviderName();
        var on = provider is TranslationSettings.LibreTranslate or TranslationSettings.DeepL;
        return new SettingsProblems(TranslationSettings.Section)
            .Check(TranslationSettings.Providers.Contains(provider), "Provider", $"'{o.Provider}' is not one of {string.Join(", ", TranslationSettings.Providers)}")
            .Check(provider != TranslationSettings.LibreTranslate || !string.IsNullOrWhiteSpace(o.Url), "Url",
                "is required for libretranslate (its base address, e.g. http://localhost:5000)")
            .Check(!on || string.IsNullOrWhiteSpace(o.Url) || IsHttp(o.Url), "Url", "is not an absolute http or https address")
            .Check(provider != TranslationSettings.DeepL || !string.IsNullOrWhiteSpace(o.ApiKey), "ApiKey",
                "is required for deepl (set it in the environment: BorderAlerts__Translation__ApiKey)")
            .Check(TranslationSettings.LanguageTag().IsMatch(o.TargetLanguage ?? ""), "TargetLanguage",
                $"'{o.TargetLanguage}' is not a language tag such as en or en-GB")
            .Check(o.DailyCharacterBudget >= 0, "DailyCharacterBudget", $"{o.DailyCharacterBudget} is negative (0 means unlimited)")
            .Check(o.TimeoutSeconds is >= 1 and <= 60, "TimeoutSeconds", $"{o.TimeoutSeconds} is outside 1–60")
            .Result;
    }

    static bool IsHttp(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
