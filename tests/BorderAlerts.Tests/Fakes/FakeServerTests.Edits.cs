using System.Net;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>Edits as the platforms take them: Discord's bot Edit Message and Edit Webhook Message, Slack's chat.update.</summary>
public sealed partial class FakeServerTests
{
    [Fact]
    public async Task A_Discord_bot_edits_its_own_message_in_its_channel_with_its_token_and_within_the_limits()
    {
        var channel = NewId();
        discord.AddChannel(channel);
        var posted = (await JsonOf(await Http.SendAsync(Bot($"/channels/{channel}/messages", Message("v1"))))).GetProperty("id").GetString();

        var noToken = await Http.SendAsync(Edit(Bot($"/channels/{channel}/messages/{posted}", Message("x")), withToken: false));
        var elsewhere = await Http.SendAsync(Edit(Bot($"/channels/{NewId()}/messages/{posted}", Message("x"))));
        var tooLong = await Http.SendAsync(Edit(Bot($"/channels/{channel}/messages/{posted}", Message(new string('x', 2001)))));
        var edited = await Http.SendAsync(Edit(Bot($"/channels/{channel}/messages/{posted}", Message("v2"))));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.OK),
            (noToken.StatusCode, elsewhere.StatusCode, tooLong.StatusCode, edited.StatusCode));
        Assert.Equal("v2", Assert.Single(discord.Edits, e => e.Id == posted).Content);
        Assert.NotNull((await JsonOf(edited)).GetProperty("edited_timestamp").GetString());
    }

    [Fact]
    public async Task A_Discord_webhook_edit_takes_no_Authorization_and_names_the_thread_its_message_is_in()
    {
        var hook = discord.WebhookUrl(NewId());
        var posted = (await JsonOf(await Http.PostAsync($"{hook}?wait=true&thread_id=5151", Json(Message("v1"))))).GetProperty("id").GetString();

        var withToken = new HttpRequestMessage(HttpMethod.Patch, $"{hook}/messages/{posted}?thread_id=5151") { Content = Json(Message("x")) };
        withToken.Headers.TryAddWithoutValidation("Authorization", $"Bot {discord.BotToken}");
        var leaked = await Http.SendAsync(withToken);
        var noThread = await Http.PatchAsync($"{hook}/messages/{posted}", Json(Message("x")));
        var edited = await Http.PatchAsync($"{hook}/messages/{posted}?thread_id=5151", Json(Message("v2")));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.OK), (leaked.StatusCode, noThread.StatusCode, edited.StatusCode));
        Assert.Equal(10008, (await JsonOf(noThread)).GetProperty("code").GetInt32());
        Assert.Equal("v2", Assert.Single(discord.Edits, e => e.Id == posted).Content);
    }

    [Fact]
    public async Task Slack_chat_update_refuses_a_message_an_incoming_webhook_posted()
    {
        var path = $"T1/B{NewId()}/edit";
        var hook = slack.AddWebhook(path, channel: NewSlackChannel());
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(hook, Json("""{"text":"by webhook"}"""))).StatusCode);
        var message = Assert.Single(slack.Messages, m => m.WebhookPath == path);

        var update = await JsonOf(await Http.SendAsync(SlackCall("chat.update", $$"""{"channel":"{{message.Channel}}","ts":"{{message.Ts}}","text":"edited"}""")));

        Assert.Equal((false, "cant_update_message"), (update.GetProperty("ok").GetBoolean(), update.GetProperty("error").GetString()));
        Assert.DoesNotContain(slack.Updates, u => u.Ts == message.Ts);
    }

    static HttpRequestMessage Edit(HttpRequestMessage request, bool withToken = true)
    {
        request.Method = HttpMethod.Patch;
        if (!withToken) request.Headers.Remove("Authorization");
        return request;
    }
}
