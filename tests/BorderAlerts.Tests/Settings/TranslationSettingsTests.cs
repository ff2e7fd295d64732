using BorderAlerts.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Tests.Settings;

/// <summary>BorderAlerts:Translation: off by default; each provider's needs checked at start; the API key never repeated.</summary>
public sealed class TranslationSettingsTests
{
    const string Key = "sk-translation-secret";

    static TranslationSettings Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("BorderAlerts:Translation:" + s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddBorderAlertsSettings(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TranslationSettings>>().Value;
    }

    [Fact]
    public void Translation_is_off_by_default_into_english_within_a_budget_and_a_short_timeout()
    {
        var settings = Bound();

        Assert.Equal(("none", "en", 200_000L, 5), (settings.ProviderName(), settings.TargetLanguage, settings.DailyCharacterBudget, settings.TimeoutSeconds));
    }

    [Theory]
    [InlineData("", "https://api-free.deepl.com/")]
    [InlineData("https://api.deepl.com", "https://api.deepl.com/")]
    public void DeepL_goes_to_the_free_api_unless_a_url_is_set(string url, string expected)
    {
        var settings = Bound(("Provider", "DeepL"), ("Url", url), ("ApiKey", Key));

        Assert.Equal(expected, settings.BaseUrl().ToString());
    }

    public static TheoryData<(string, string)[], string> Problems() => new()
    {
        { [("Provider", "libretranslate")], "BorderAlerts:Translation:Url: is required for libretranslate (its base address, e.g. http://localhost:5000)" },
        { [("Provider", "libretranslate"), ("Url", "localhost:5000/x")], "BorderAlerts:Translation:Url: is not an absolute http or https address" },
        { [("Provider", "deepl")], "BorderAlerts:Translation:ApiKey: is required for deepl (set it in the environment: BorderAlerts__Translation__ApiKey)" },
        { [("TargetLanguage", "English")], "BorderAlerts:Translation:TargetLanguage: 'English' is not a language tag such as en or en-GB" },
        { [("DailyCharacterBudget", "-1")], "BorderAlerts:Translation:DailyCharacterBudget: -1 is negative (0 means unlimited)" },
        { [("TimeoutSeconds", "0")], "BorderAlerts:Translation:TimeoutSeconds: 0 is outside 1–60" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_bad_value_is_refused_naming_the_full_key((string, string)[] settings, string expected)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bound(settings));

        Assert.Equal([expected], refused.Failures);
    }

    [Fact]
    public void The_api_key_is_in_no_problem_and_not_in_the_settings_text()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bound(("Provider", "deepl"), ("ApiKey", Key), ("Url", "ftp://x"), ("TimeoutSeconds", "99")));
        var settings = Bound(("Provider", "deepl"), ("ApiKey", Key));

        Assert.Equal(2, refused.Failures.Count());
        Assert.DoesNotContain(Key, string.Join("\n", refused.Failures) + refused.Message);
        Assert.DoesNotContain(Key, settings.ToString());
    }
}
