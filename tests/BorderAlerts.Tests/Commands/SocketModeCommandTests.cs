using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Commands;

/// <summary>Slack over Socket Mode reaches the same commands as the HTTP endpoints, with the same rights.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SocketModeCommandTests(FakeSlack slack) : IClassFixture<FakeSlack>
{
    [Fact]
    public async Task Commands_over_socket_mode_answer_in_the_ack_and_keep_admin_rights()
    {
        var session = new CliSession();
        File.WriteAllText(Path.Combine(session.Folder.Config, "rules.yaml"), "rules:\n  - id: border-coal\n    query: 丹东 AND 煤炭\n");
        var sockets = slack.Sockets.Count;
        await using var host = await ChatHost.StartAsync(session, ("Slack__AppToken", slack.AppToken), ("Slack__ApiBaseUrl", slack.ApiBase.ToString()));
        var socket = await slack.WaitForSocketAsync(sockets + 1);

        var list = await socket.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/rules", "list", user: "UREADER"), acceptsResponsePayload: true);
        Assert.Contains("border-coal", (await socket.WaitForAckAsync(list)).GetProperty("payload").GetProperty("text").GetString());

        var write = await socket.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/rules", "disable border-coal", user: "UREADER"), acceptsResponsePayload: true);
        Assert.Contains("Only admins", (await socket.WaitForAckAsync(write)).GetProperty("payload").GetProperty("text").GetString());
        var admin = await socket.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/rules", "disable border-coal", user: ChatHost.SlackAdmin), acceptsResponsePayload: true);
        Assert.Contains("disabled", (await socket.WaitForAckAsync(admin)).GetProperty("payload").GetProperty("text").GetString());
        Assert.Equal(1, await StoreProbe.For(host.Services).CountAsync("admin_changes"));
        Assert.Empty(socket.Violations);
    }
}
