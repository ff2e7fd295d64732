using BorderAlerts.Settings;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Tests.Settings;

/// <summary>
/// Polling:DefaultEvery (a duration or auto) and Polling:AutoMin/AutoMax (the bounds of auto): a value that cannot be
/// used is refused at start, exit code 2, naming the key.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PollingDefaultsSettingsTests
{
    static PollingSettings Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("BorderAlerts:Polling:" + s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddBorderAlertsSettings(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<PollingSettings>>().Value;
    }

    [Theory]
    [InlineData("DefaultEvery", "often", "BorderAlerts:Polling:DefaultEvery: is not a duration (examples: 30s, 10m, 2h) or auto")]
    [InlineData("DefaultEvery", "0s", "BorderAlerts:Polling:DefaultEvery: is not a duration (examples: 30s, 10m, 2h) or auto")]
    [InlineData("AutoMin", "10s", "BorderAlerts:Polling:AutoMin: is too often (at least 30s)")]
    [InlineData("AutoMax", "1m", "BorderAlerts:Polling:AutoMax: is shorter than AutoMin")]
    [InlineData("AutoMax", "soon", "BorderAlerts:Polling:AutoMax: is not a duration (examples: 2m, 1h)")]
    public void A_default_that_cannot_be_used_is_refused_naming_its_key(string key, string value, string expected) =>
        Assert.Equal([expected], Assert.Throws<OptionsValidationException>(() => Bound((key, value))).Failures);

    [Fact]
    public void Auto_and_its_bounds_become_the_feeds_defaults() =>
        Assert.Equal(new Core.Feeds.FeedDefaults(null, new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(2))),
            Bound(("DefaultEvery", " Auto "), ("AutoMin", "5m"), ("AutoMax", "2h")).FeedDefaults());

    [Fact]
    public async Task A_bad_default_stops_a_command_with_exit_code_2()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Polling__DefaultEvery", "hourly");

        var run = await session.RunAsync("poll", "--all");

        Assert.True(run.ExitCode == 2, run.Stderr);
        Assert.Equal("error: settings: BorderAlerts:Polling:DefaultEvery: is not a duration (examples: 30s, 10m, 2h) or auto", run.Stderr.Trim());
    }
}
