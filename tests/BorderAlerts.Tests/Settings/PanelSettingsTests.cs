using BorderAlerts.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Tests.Settings;

/// <summary>BorderAlerts:PublicUrl: optional; when set, an absolute http or https address whose scheme decides the Secure cookie.</summary>
public sealed class PanelSettingsTests
{
    static PanelSettings Bound(string? publicUrl)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(publicUrl is null ? [] : [KeyValuePair.Create<string, string?>("BorderAlerts:PublicUrl", publicUrl)])
            .Build();
        using var services = new ServiceCollection().AddBorderAlertsSettings(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<PanelSettings>>().Value;
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("", null, false)]
    [InlineData("https://alerts.example.org/", "https://alerts.example.org", true)]
    [InlineData("http://10.0.0.5:8080/borderalerts", "http://10.0.0.5:8080/borderalerts", false)]
    public void The_public_url_is_optional_and_kept_without_a_trailing_slash(string? publicUrl, string? expected, bool secure)
    {
        var settings = Bound(publicUrl);

        Assert.Equal((expected, secure), (settings.BaseUrl(), settings.IsHttps));
    }

    [Theory]
    [InlineData("alerts.example.org")]
    [InlineData("ftp://alerts.example.org")]
    [InlineData("https://alerts.example.org/?x=1")]
    public void A_public_url_that_is_not_an_http_address_is_refused_naming_the_key(string publicUrl)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bound(publicUrl));

        Assert.Equal(["BorderAlerts:PublicUrl: is not an absolute http or https address without a query (e.g. https://alerts.example.org)"], refused.Failures);
    }
}
