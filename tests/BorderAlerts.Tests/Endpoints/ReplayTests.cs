using System.Net;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Endpoints;

/// <summary>
/// A signed request is answered once: sent again within its five-minute window (as captured, or with its signature
/// re-spelt) it is refused with 401 and changes nothing, on either store and on another instance sharing PostgreSQL.
/// Slack's own re-sends are acknowledged and not run again.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ReplayTests
{
    static readonly string Mute = ChatHost.DiscordCommand("mute", null, new { target = "console", duration = "1h" }, admin: true).ToJsonString();

    static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();

    static async Task<long> ChangesAsync(ChatHost host) => await StoreProbe.For(host.Services).CountAsync("admin_changes");

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_signed_discord_command_sent_again_is_refused_and_runs_once(Store store)
    {
        await using var host = await ChatHost.StartAsync(new CliSession(store));
        var timestamp = Now();

        Assert.Equal(200, (await host.SendAsync(ChatHost.DiscordRequest(Mute, timestamp))).Status);
        Assert.Equal(401, (await host.SendAsync(ChatHost.DiscordRequest(Mute, timestamp))).Status);
        var respelt = ChatHost.DiscordRequest(Mute, timestamp);
        var signature = respelt.Headers.GetValues("X-Signature-Ed25519").Single();
        respelt.Headers.Remove("X-Signature-Ed25519");
        respelt.Headers.Add("X-Signature-Ed25519", signature.ToUpperInvariant());
        Assert.Equal(401, (await host.SendAsync(respelt)).Status);
        Assert.Equal(1, await ChangesAsync(host));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_signed_slack_command_sent_again_is_refused_and_runs_once(Store store)
    {
        await using var host = await ChatHost.StartAsync(new CliSession(store));
        var body = $"team_id=T1&user_id={ChatHost.SlackAdmin}&user_name=alice&command=%2Fmute&text=console%201h&trigger_id=7.7.7&response_url=http%3A%2F%2F127.0.0.1%3A9%2F";
        var timestamp = Now();

        Assert.Equal(200, (await host.SendAsync(ChatHost.SlackRequest("/slack/commands", body, timestamp))).Status);
        var replay = await host.SendAsync(ChatHost.SlackRequest("/slack/commands", body, timestamp));
        Assert.Equal((401, "replayed request: this signed request was already answered"), (replay.Status, replay.Json.GetString()));
        Assert.Equal(1, await ChangesAsync(host));
    }

    /// <summary>As in Socket Mode: a re-send Slack makes (X-Slack-Retry-Num, or the same trigger_id signed anew) is acknowledged, not run.</summary>
    [Fact]
    public async Task Slack_re_sends_are_acknowledged_and_not_run_again()
    {
        await using var host = await ChatHost.StartAsync(new CliSession());
        var body = $"team_id=T1&user_id={ChatHost.SlackAdmin}&user_name=alice&command=%2Fmute&text=console%201h&trigger_id=8.8.8&response_url=http%3A%2F%2F127.0.0.1%3A9%2F";
        var timestamp = Now();
        Assert.Equal(200, (await host.SendAsync(ChatHost.SlackRequest("/slack/commands", body, timestamp))).Status);

        var retry = ChatHost.SlackRequest("/slack/commands", body, timestamp);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        Assert.Equal((200, ""), Answer(await host.SendAsync(retry)));
        Assert.Equal((200, ""), Answer(await host.SendAsync(ChatHost.SlackRequest("/slack/commands", body, (long.Parse(timestamp) + 1).ToString()))));
        Assert.Equal(1, await ChangesAsync(host));
    }

    static (int, string?) Answer(ChatAnswer answer) => (answer.Status, answer.Json.GetString());

    [PostgresFact]
    public async Task A_request_replayed_to_another_instance_sharing_the_database_is_refused()
    {
        var first = await ChatHost.StartAsync(new CliSession(Store.Postgres));
        await using var _ = first;
        using var secondSession = new CliSession();
        var connection = first.Session.Folder.Postgres!.ConnectionString;
        secondSession.Environment.Set("BorderAlerts__Storage__Provider", "postgres").Set("BorderAlerts__Storage__ConnectionString", connection);
        await using var second = await ChatHost.StartAsync(secondSession);
        var timestamp = Now();

        Assert.Equal(200, (await first.SendAsync(ChatHost.DiscordRequest(Mute, timestamp))).Status);
        Assert.Equal(401, (await second.SendAsync(ChatHost.DiscordRequest(Mute, timestamp))).Status);
        Assert.Equal(1, await ChangesAsync(second));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("""{"type":2.5}""")]
    [InlineData("""{"type":"2"}""")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("\"ping\"")]
    [InlineData("null")]
    [InlineData("""{"type":2,"guild_id":800,"data":{}}""")]
    [InlineData("""{"type":2,"guild_id":"800","data":5}""")]
    public async Task A_signed_discord_body_that_is_not_an_interaction_is_400(string body)
    {
        await using var host = await ChatHost.StartAsync(new CliSession());
        var answer = await host.SendAsync(ChatHost.DiscordRequest(body));
        Assert.Equal(400, answer.Status);
        Assert.StartsWith("not an interaction", answer.Json.GetString());
    }

    [Theory]
    [InlineData("payload=%7Bnot-json")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("payload=7")]
    public async Task A_signed_slack_payload_that_is_not_a_json_object_is_400(string body)
    {
        await using var host = await ChatHost.StartAsync(new CliSession());
        var answer = await host.SendAsync(ChatHost.SlackRequest("/slack/interactivity", body));
        Assert.Equal(400, answer.Status);
        Assert.StartsWith("not an interaction", answer.Json.GetString());
    }
}
