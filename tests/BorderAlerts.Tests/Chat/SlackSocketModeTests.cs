using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Tests.Chat;

/// <summary>Socket Mode from the real composition root against FakeSlack's apps.connections.open and WebSocket.</summary>
public sealed class SlackSocketModeTests(FakeSlack slack) : IClassFixture<FakeSlack>, IAsyncLifetime
{
    readonly CancellationTokenSource _stop = new();
    readonly LogCapture _logs = new();
    readonly List<SlackCommandEnvelope> _commands = [];
    readonly TaskCompletionSource<JsonObject> _interaction = new(TaskCreationOptions.RunContinuationsAsynchronously);
    Func<SlackCommandEnvelope, Task<JsonObject?>> _answer = _ => Task.FromResult<JsonObject?>(Reply("ok"));
    Task<SlackSocketModeStop>? _run;
    ServiceProvider? _services;
    int _opensBefore;

    static JsonObject Reply(string text) => new() { ["response_type"] = "ephemeral", ["text"] = text };

    /// <summary>Starts Socket Mode and returns its first greeted socket.</summary>
    async Task<SocketModeConnection> StartAsync(string? appToken = null, TimeSpan? ackDeadline = null)
    {
        var (services, run, socket) = await InstanceAsync(appToken, ackDeadline);
        (_services, _run) = (services, run);
        return socket;
    }

    readonly TempFolder _folder = new();

    /// <summary>One instance on this test's store (instances started one after another share it), with its greeted socket.</summary>
    async Task<(ServiceProvider, Task<SlackSocketModeStop>, SocketModeConnection)> InstanceAsync(string? appToken = null, TimeSpan? ackDeadline = null)
    {
        var handlers = new SlackSocketHandlers((command, _) => { lock (_commands) _commands.Add(command); return _answer(command); },
            (payload, _) => { _interaction.TrySetResult(payload); return Task.CompletedTask; });
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BorderAlerts:DataDir"] = _folder.Data, ["BorderAlerts:ConfigDir"] = _folder.Config,
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(_logs)).AddBorderAlerts(settings).AddSingleton(handlers).BuildServiceProvider();
        await AppHost.PrepareAsync(services, CancellationToken.None);
        var options = new SlackSocketModeOptions
        {
            AppToken = appToken ?? slack.AppToken, ApiBase = slack.ApiBase, AckDeadline = ackDeadline ?? TimeSpan.FromSeconds(10),
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
        };
        _opensBefore = slack.ConnectionOpens;
        var sockets = slack.Sockets.Count;
        var run = services.GetRequiredService<SlackSocketMode>().RunAsync(options, _stop.Token);
        return (services, run, appToken is null ? await slack.WaitForSocketAsync(sockets + 1) : null!);
    }

    [Fact]
    public async Task An_envelope_slack_sends_again_to_another_instances_socket_runs_once()
    {
        var first = await StartAsync();
        var (other, otherRun, second) = await InstanceAsync();
        try
        {
            var payload = slack.SlashCommandPayload("/rules", "add sanctions-ship \"ship-to-ship\"");
            var sent = await first.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
            Assert.True((await first.WaitForAckAsync(sent)).TryGetProperty("payload", out _));
            var again = await second.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1);
            Assert.False((await second.WaitForAckAsync(again)).TryGetProperty("payload", out _)); // acked, not run again
            Assert.Single(_commands);
            Assert.Empty(first.Violations.Concat(second.Violations));
        }
        finally
        {
            await _stop.CancelAsync();
            await otherRun.WaitAsync(TimeSpan.FromSeconds(30));
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_slash_command_envelope_is_acked_on_its_socket_with_the_handlers_answer_as_payload()
    {
        _answer = command => Task.FromResult<JsonObject?>(Reply($"3 results for {command.Text}"));
        var socket = await StartAsync();
        var payload = slack.SlashCommandPayload("/search", "丹东 since:7d");

        var id = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
        var ack = await socket.WaitForAckAsync(id);

        Assert.Equal("3 results for 丹东 since:7d", ack.GetProperty("payload").GetProperty("text").GetString());
        Assert.Equal("ephemeral", ack.GetProperty("payload").GetProperty("response_type").GetString());
        var command = Assert.Single(_commands);
        Assert.Equal(new SlackCommandEnvelope("/search", "丹东 since:7d", "U0ADMIN", "C0CHAT", payload["response_url"]!.GetValue<string>(),
            payload["trigger_id"]!.GetValue<string>(), "T0FAKE") { UserName = "analyst", ChannelName = "border-watch" }, command);
        Assert.Empty(socket.Violations);
    }

    [Fact]
    public async Task No_answer_gives_an_empty_ack_and_events_api_envelopes_are_acked_and_ignored()
    {
        _answer = _ => Task.FromResult<JsonObject?>(null);
        var socket = await StartAsync();

        var command = await socket.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/rules", "list"), acceptsResponsePayload: true);
        var evt = await socket.SendEnvelopeAsync("events_api", new JsonObject { ["type"] = "event_callback", ["event"] = new JsonObject { ["type"] = "app_mention" } });

        Assert.False((await socket.WaitForAckAsync(command)).TryGetProperty("payload", out _));
        Assert.False((await socket.WaitForAckAsync(evt)).TryGetProperty("payload", out _));
        Assert.Single(_commands);
        Assert.Empty(socket.Violations);
    }

    [Fact]
    public async Task An_envelope_slack_sends_again_is_acked_again_but_the_command_runs_once()
    {
        var socket = await StartAsync();
        var payload = slack.SlashCommandPayload("/rules", "add sanctions-ship \"ship-to-ship\"");

        var first = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
        var again = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, retryAttempt: 1);

        Assert.True((await socket.WaitForAckAsync(first)).TryGetProperty("payload", out _));
        Assert.False((await socket.WaitForAckAsync(again)).TryGetProperty("payload", out _));
        Assert.Single(_commands);
        var other = await socket.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/rules", "list"), acceptsResponsePayload: true);
        Assert.True((await socket.WaitForAckAsync(other)).TryGetProperty("payload", out _));
        Assert.Equal(2, _commands.Count);
        Assert.Empty(socket.Violations);
    }

    [Fact]
    public async Task Interactive_payloads_are_acked_empty_and_handed_to_the_interactive_handler()
    {
        var socket = await StartAsync();
        var payload = new JsonObject { ["type"] = "block_actions", ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "mute" }) };

        var id = await socket.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: false);

        Assert.False((await socket.WaitForAckAsync(id)).TryGetProperty("payload", out _));
        Assert.Equal("block_actions", (await _interaction.Task.WaitAsync(TimeSpan.FromSeconds(30)))["type"]!.GetValue<string>());
        Assert.Empty(socket.Violations);
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task A_refresh_disconnect_closes_the_socket_and_reconnects_with_a_fresh_url(string reason)
    {
        var first = await StartAsync();

        await first.SendDisconnectAsync(reason);
        var second = await slack.WaitForSocketAsync(first.Number + 1);
        var id = await second.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/feeds", "list"), acceptsResponsePayload: true);

        await first.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ok", (await second.WaitForAckAsync(id)).GetProperty("payload").GetProperty("text").GetString());
        Assert.Equal(2, slack.ConnectionOpens - _opensBefore);
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened()
    {
        var first = await StartAsync();

        first.Drop();
        var second = await slack.WaitForSocketAsync(first.Number + 1);

        Assert.True(second.Number > first.Number);
        Assert.Contains(_logs.Lines, l => l.Contains("Slack Socket Mode connection lost"));
    }

    [Theory]
    [InlineData("socket_mode_disabled")]
    [InlineData("link_disabled")]
    public async Task Socket_mode_switched_off_stops_without_reconnecting(string reason)
    {
        var socket = await StartAsync();

        await socket.SendDisconnectAsync(reason);
        var stop = await _run!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(reason, stop.Reason);
        Assert.Equal(1, slack.ConnectionOpens - _opensBefore);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error") && l.Contains(reason));
    }

    [Theory]
    [InlineData("xapp-1-A0FAKEAPP-1-not-the-right-secret", "invalid_auth")]
    [InlineData("xoxb-a-bot-token-by-mistake", "not_allowed_token_type")]
    public async Task A_bad_app_token_stops_after_one_attempt_with_a_clear_error_and_the_token_is_never_logged(string token, string error)
    {
        await StartAsync(appToken: token);

        var stop = await _run!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(error, stop.Reason);
        Assert.Contains("Slack:AppToken", stop.Reason);
        Assert.Equal(1, slack.ConnectionOpens - _opensBefore);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error") && l.Contains(error));
        Assert.DoesNotContain(token, _logs.All);
    }

    [Fact]
    public async Task A_rate_limited_open_is_tried_again_and_then_connects()
    {
        slack.Script(SlackFault.RateLimited(retryAfterSeconds: 1));

        var socket = await StartAsync();

        Assert.Equal(2, slack.ConnectionOpens - _opensBefore);
        Assert.Contains(_logs.Lines, l => l.Contains("could not open a connection: apps.connections.open: rate limited"));
        Assert.Empty(socket.Violations);
    }

    [Fact]
    public async Task A_slow_answer_is_acked_empty_in_time_and_then_posted_to_the_response_url()
    {
        var release = new TaskCompletionSource();
        _answer = async command => { await release.Task; return Reply("late but complete"); };
        var socket = await StartAsync(ackDeadline: TimeSpan.FromMilliseconds(100));
        var payload = slack.SlashCommandPayload("/rules", "backtest border-coal days:30");

        var id = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
        var ack = await socket.WaitForAckAsync(id);
        release.SetResult();
        var posts = await slack.WaitForResponsePostsAsync(1, TimeSpan.FromSeconds(30), p => p.Url.ToString() == payload["response_url"]!.GetValue<string>());

        Assert.False(ack.TryGetProperty("payload", out _));
        Assert.Equal(("late but complete", "ephemeral"), (posts[0].Text, posts[0].ResponseType));
    }

    [Fact]
    public async Task A_failing_handler_is_answered_with_an_apology_and_logged()
    {
        _answer = _ => throw new InvalidOperationException("store unavailable");
        var socket = await StartAsync();

        var id = await socket.SendEnvelopeAsync("slash_commands", slack.SlashCommandPayload("/search", "x"), acceptsResponsePayload: true);

        Assert.StartsWith("Sorry, that command failed", (await socket.WaitForAckAsync(id)).GetProperty("payload").GetProperty("text").GetString());
        Assert.Contains(_logs.Lines, l => l.Contains("store unavailable"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null) await _run.WaitAsync(TimeSpan.FromSeconds(30));
        if (_services is not null) await _services.DisposeAsync();
        _stop.Dispose();
        _folder.Dispose();
    }
}
