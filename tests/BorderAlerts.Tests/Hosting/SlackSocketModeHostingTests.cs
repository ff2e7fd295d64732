using BorderAlerts.Chat.Slack;
using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BorderAlerts.Tests.Hosting;

/// <summary>Socket Mode runs only in the service (`run`), and only when Slack:AppToken is set.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SlackSocketModeHostingTests
{
    [Theory]
    [InlineData(true, "xapp-1-A0-1-token", true)]
    [InlineData(true, null, false)]
    [InlineData(false, "xapp-1-A0-1-token", false)]
    public async Task The_socket_mode_service_is_registered_only_for_the_service_with_an_app_token(bool service, string? appToken, bool expected)
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n"); // the service's poll loop reads the catalog when it is resolved
        session.Environment.Set("BorderAlerts__Slack__AppToken", appToken);

        await using var app = AppHost.Build(service);

        Assert.Equal(expected, app.Services.GetServices<IHostedService>().OfType<SlackSocketModeService>().Any());
    }
}
