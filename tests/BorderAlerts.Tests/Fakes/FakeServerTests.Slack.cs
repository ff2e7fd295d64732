using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>FakeSlack: chat.postMessage / chat.update answer HTTP 200 with ok, webhooks plain text; pacing, Block Kit limits, faults.</summary>
public sealed partial class FakeServerTests
{
    [Fact]
    public async Task Slack_postMessage_answers_ok_with_a_ts_and_a_second_message_within_a_second_is_429()
    {
        var channel = NewSlackChannel();
        var first = await Http.SendAsync(SlackCall("chat.postMessage", $$"""{"channel":"{{channel}}","text":"alert"}"""));
        var second = await Http.SendAsync(SlackCall("chat.postMessage", $$"""{"channel":"{{channel}}","text":"again"}"""));

        var ok = await JsonOf(first);
        Assert.True(ok.GetProperty("ok").GetBoolean());
        Assert.Matches(@"^\d{10}\.\d{6}$", ok.GetProperty("ts").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter!.Delta);
        Assert.Equal("ratelimited", (await JsonOf(second)).GetProperty("error").GetString());
        Assert.Single(slack.Messages, m => m.Channel == channel && m.Text == "alert");
        Assert.True(slack.TooManyRequests >= 1);
    }

    [Fact]
    public async Task Slack_records_thread_replies_and_chat_update_edits_a_posted_message()
    {
        var channel = NewSlackChannel();
        slack.Burst = 2;
        try
        {
            var parent = await JsonOf(await Http.SendAsync(SlackCall("chat.postMessage", $$"""{"channel":"{{channel}}","text":"parent"}""")));
            var ts = parent.GetProperty("ts").GetString();
            var reply = await Http.SendAsync(SlackCall("chat.postMessage", $$"""{"channel":"{{channel}}","text":"reply","thread_ts":"{{ts}}"}"""));
            var update = await JsonOf(await Http.SendAsync(SlackCall("chat.update", $$"""{"channel":"{{channel}}","ts":"{{ts}}","text":"parent (resolved)"}""")));

            Assert.True((await JsonOf(reply)).GetProperty("ok").GetBoolean());
            Assert.Equal((true, ts), (update.GetProperty("ok").GetBoolean(), update.GetProperty("ts").GetString()));
            var messages = await slack.WaitForMessagesAsync(2, TimeSpan.FromSeconds(5), m => m.Channel == channel);
            Assert.Equal((null, ts), (messages[0].ThreadTs, messages[1].ThreadTs));
            Assert.Contains(slack.Updates, u => u.Ts == ts && u.Text == "parent (resolved)");
        }
        finally { slack.Burst = 1; }
    }

    public static TheoryData<string, string> BrokenSlackBodies => new()
    {
        { SlackBlocks(new { type = "header", text = new { type = "plain_text", text = new string('h', 151) } }), "invalid_blocks" },
        { SlackBlocks(new { type = "header", text = new { type = "mrkdwn", text = "h" } }), "invalid_blocks" },
        { SlackBlocks(new { type = "section", text = new { type = "mrkdwn", text = new string('s', 3001) } }), "invalid_blocks" },
        { SlackBlocks(new { type = "section", text = new { type = "mrkdwn", text = "" } }), "invalid_blocks" },
        { SlackBlocks(new { type = "section", fields = Enumerable.Repeat(new { type = "mrkdwn", text = "f" }, 11) }), "invalid_blocks" },
        { SlackBlocks(new { type = "section", fields = new[] { new { type = "mrkdwn", text = new string('f', 2001) } } }), "invalid_blocks" },
        { SlackBlocks(new { type = "context", elements = Enumerable.Repeat(new { type = "mrkdwn", text = "c" }, 11) }), "invalid_blocks" },
        { SlackBlocks([.. Enumerable.Repeat<object>(new { type = "divider" }, 51)]), "invalid_blocks" },
        { """{"channel":"%C%"}""", "no_text" },
        { $$"""{"channel":"%C%","text":"{{new string('t', 40_001)}}"}""", "msg_too_long" },
    };

    [Theory, MemberData(nameof(BrokenSlackBodies))]
    public async Task A_Slack_message_breaking_Block_Kit_limits_is_refused_with_ok_false_and_recorded(string body, string error)
    {
        var channel = NewSlackChannel();
        var response = await Http.SendAsync(SlackCall("chat.postMessage", body.Replace("%C%", channel)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(error, (await JsonOf(response)).GetProperty("error").GetString());
        Assert.Contains(slack.Rejected, r => r.Error == error && r.Body.Contains(channel));
    }

    [Fact]
    public async Task Slack_answers_token_and_channel_problems_with_HTTP_200_ok_false()
    {
        var outside = NewId();
        slack.AddChannel(outside, member: false);
        string Body(string channel) => $$"""{"channel":"{{channel}}","text":"alert"}""";
        var errors = new List<string?>();
        foreach (var request in new[] { SlackCall("chat.postMessage", Body(NewSlackChannel()), token: "xoxb-wrong"),
                     SlackCall("chat.postMessage", Body(NewSlackChannel()), token: null),
                     SlackCall("chat.postMessage", Body("C_UNKNOWN")), SlackCall("chat.postMessage", Body(outside)) })
        {
            var response = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            errors.Add((await JsonOf(response)).GetProperty("error").GetString());
        }

        Assert.Equal(["invalid_auth", "not_authed", "channel_not_found", "not_in_channel"], errors);
        Assert.Contains(slack.Rejected, r => r.Error == "invalid_auth");
    }

    [Fact]
    public async Task Slack_incoming_webhooks_answer_plain_text_ok_or_an_error_status()
    {
        var url = slack.WebhookUrl($"T1/B{NewId()}/X");
        var archived = slack.AddWebhook($"T1/B{NewId()}/X", status: SlackHookStatus.Archived);
        var prohibited = slack.AddWebhook($"T1/B{NewId()}/X", status: SlackHookStatus.Prohibited);
        var unknown = new Uri(slack.BaseAddress, "/services/T1/B0/none");
        var cases = new (Uri Url, string Body, int Status, string Text)[]
        {
            (url, """{"text":"alert"}""", 200, "ok"), (url, """{"text":"again"}""", 429, "rate_limited"), (url, "{not json", 400, "invalid_payload"),
            (url, """{"blocks":[]}""", 400, "no_text"), (unknown, """{"text":"x"}""", 404, "channel_not_found"),
            (archived, """{"text":"x"}""", 410, "channel_is_archived"), (prohibited, """{"text":"x"}""", 403, "action_prohibited"),
        };
        foreach (var (target, body, status, text) in cases)
        {
            var response = await Http.PostAsync(target, Json(body));
            Assert.Equal((status, text), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
            if (status == 429) Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
        }

        slack.Script(SlackFault.RateLimited(3), SlackFault.ServerError);
        var faulted = new[] { await Http.PostAsync(url, Json("""{"text":"x"}""")), await Http.PostAsync(url, Json("""{"text":"x"}""")) };
        Assert.Equal([429, 500], faulted.Select(r => (int)r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(3), faulted[0].Headers.RetryAfter!.Delta);
        Assert.Single(slack.Messages, m => m.WebhookPath == url.AbsolutePath["/services/".Length..]);
    }

    HttpRequestMessage SlackCall(string method, string body, string? token = "") =>
        new(HttpMethod.Post, new Uri(slack.ApiBase, method))
        {
            Content = Json(body),
            Headers = { Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token.Length == 0 ? slack.BotToken : token) },
        };

    string NewSlackChannel()
    {
        var id = $"C{NewId()}";
        slack.AddChannel(id);
        return id;
    }

    static string SlackBlocks(params object[] blocks) => JsonSerializer.Serialize(new { channel = "%C%", text = "fallback", blocks });
}
