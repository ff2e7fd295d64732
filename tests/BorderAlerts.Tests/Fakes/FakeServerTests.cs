using System.Net;
using System.Text;
using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>The fake chat servers enforce the platform contract (docs/platform-contracts.md), probed with a plain HttpClient.</summary>
public sealed partial class FakeServerTests(FakeDiscord discord, FakeSlack slack) : IClassFixture<FakeDiscord>, IClassFixture<FakeSlack>
{
    static readonly HttpClient Http = new();
    static int _ids;

    [Fact]
    public async Task A_Discord_webhook_post_answers_204_or_with_wait_the_message_and_records_its_thread()
    {
        var id = NewId();
        var url = discord.WebhookUrl(id);
        var quiet = await Http.PostAsync(url, Json(Message("first")));
        var waited = await Http.PostAsync($"{url}?wait=true&thread_id=4242", Json(Message("second", [new { title = "t", color = 16711680, timestamp = "2024-05-01T10:00:00Z" }])));

        Assert.Equal(HttpStatusCode.NoContent, quiet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
        var message = await JsonOf(waited);
        Assert.Equal("second", message.GetProperty("content").GetString());
        Assert.Equal("4242", message.GetProperty("channel_id").GetString());
        var recorded = discord.Messages.Where(m => m.WebhookId == id).ToList();
        Assert.Equal(["first", "second"], recorded.Select(m => m.Content));
        Assert.Equal(("4242", 1), (recorded[1].ThreadId, recorded[1].EmbedCount));
        Assert.Equal(message.GetProperty("id").GetString(), recorded[1].Id);
        Assert.True(ulong.Parse(recorded[1].Id) > ulong.Parse(recorded[0].Id));
    }

    public static TheoryData<string, string> BrokenDiscordBodies => new()
    {
        { Message(null, [new { title = new string('x', 257) }]), "embeds.0.title" },
        { Message(null, [new { description = new string('x', 4097) }]), "embeds.0.description" },
        { Message(null, [new { fields = Enumerable.Range(0, 26).Select(_ => new { name = "n", value = "v" }) }]), "embeds.0.fields" },
        { Message(null, [new { fields = new[] { new { name = "n", value = new string('x', 1025) } } }]), "embeds.0.fields.0.value" },
        { Message(null, [new { footer = new { text = new string('x', 2049) } }]), "embeds.0.footer.text" },
        { Message(null, [new { author = new { name = new string('x', 257) } }]), "embeds.0.author.name" },
        { Message(null, [new { description = new string('x', 4000) }, new { description = new string('x', 2001) }]), "embeds" },
        { Message(null, Enumerable.Repeat<object>(new { title = "t" }, 11)), "embeds" },
        { Message(new string('x', 2001)), "content" },
        { Message(null, [new { title = "t", color = "#ff0000" }]), "embeds.0.color" },
        { Message(null, [new { title = "t", timestamp = "yesterday" }]), "embeds.0.timestamp" },
        { """{"content":"no allowed_mentions"}""", "allowed_mentions" },
    };

    [Theory, MemberData(nameof(BrokenDiscordBodies))]
    public async Task A_Discord_body_over_a_limit_is_refused_with_50035_at_the_field_and_recorded(string body, string errorPath)
    {
        var id = NewId();
        var url = discord.WebhookUrl(id);
        var response = await Http.PostAsync($"{url}?wait=true", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonOf(response);
        Assert.Equal(50035, problem.GetProperty("code").GetInt32());
        var node = problem.GetProperty("errors");
        foreach (var segment in errorPath.Split('.')) node = node.GetProperty(segment);
        Assert.NotEmpty(node.GetProperty("_errors").EnumerateArray());
        Assert.Contains(discord.Rejected, r => r.Path == url.AbsolutePath && r.Status == 400);
        Assert.DoesNotContain(discord.Messages, m => m.WebhookId == id);
    }

    [Fact]
    public async Task Discord_limits_are_inclusive_count_trimmed_text_and_an_empty_message_is_50006()
    {
        var exactly6000 = new { title = $"  {new string('t', 256)}\n", description = new string('d', 4096), footer = new { text = new string('f', 368) },
            fields = new[] { new { name = new string('n', 256), value = new string('v', 1024) } } };
        var full = await Http.PostAsync(discord.WebhookUrl(NewId()), Json(Message(null, [exactly6000])));
        var empty = await Http.PostAsync(discord.WebhookUrl(NewId()), Json("""{"content":"   ","allowed_mentions":{"parse":[]}}"""));

        Assert.Equal(HttpStatusCode.NoContent, full.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(50006, (await JsonOf(empty)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Six_quick_posts_to_one_Discord_webhook_make_the_sixth_a_user_scope_429_with_rate_limit_headers()
    {
        var url = discord.WebhookUrl(NewId());
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await Http.PostAsync(url, Json(Message($"alert {i}"))));

        Assert.All(responses[..5], r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(["4", "3", "2", "1", "0"], responses[..5].Select(r => Header(r, "X-RateLimit-Remaining")));
        var limited = responses[5];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 2);
        Assert.Equal(("5", "0", "user"), (Header(limited, "X-RateLimit-Limit"), Header(limited, "X-RateLimit-Remaining"), Header(limited, "X-RateLimit-Scope")));
        Assert.InRange(double.Parse(Header(limited, "X-RateLimit-Reset-After")!, System.Globalization.CultureInfo.InvariantCulture), 0.001, 2);
        Assert.NotNull(Header(limited, "X-RateLimit-Reset"));
        Assert.NotNull(Header(limited, "X-RateLimit-Bucket"));
        var body = await JsonOf(limited);
        Assert.Equal("You are being rate limited.", body.GetProperty("message").GetString());
        Assert.InRange(body.GetProperty("retry_after").GetDouble(), 0.001, 2);
        Assert.False(body.GetProperty("global").GetBoolean());
        Assert.Single(discord.Requests, r => r.Path == url.AbsolutePath && r.Status == 429);
        Assert.True(discord.TooManyRequests >= 1);
    }

    [Fact]
    public async Task Scripted_Discord_faults_answer_in_order_with_Discords_bodies_then_the_webhook_works_again()
    {
        var url = discord.WebhookUrl(NewId());
        discord.Script(DiscordFault.GlobalRateLimited(2.5), DiscordFault.Unauthorized, DiscordFault.Forbidden, DiscordFault.UnknownWebhook,
            DiscordFault.ServerError, DiscordFault.BadGateway);
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++) responses.Add(await Http.PostAsync(url, Json(Message("x"))));

        Assert.Equal([429, 401, 403, 404, 500, 502, 204], responses.Select(r => (int)r.StatusCode));
        Assert.Equal(("true", "global", "3"), (Header(responses[0], "X-RateLimit-Global"), Header(responses[0], "X-RateLimit-Scope"), Header(responses[0], "Retry-After")));
        Assert.True((await JsonOf(responses[0])).GetProperty("global").GetBoolean());
        var codes = await Task.WhenAll(responses[1..4].Select(async r => (await JsonOf(r)).GetProperty("code").GetInt32()));
        Assert.Equal([0, 50013, 10015], codes);
    }

    [Fact]
    public async Task Unknown_or_deleted_Discord_webhooks_are_404_10015_and_a_wrong_token_is_401()
    {
        var id = NewId();
        var url = discord.WebhookUrl(id);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsync(url, Json(Message("x")))).StatusCode);
        discord.DeleteWebhook(id);
        var deleted = await Http.PostAsync(url, Json(Message("x")));
        var unknown = await Http.PostAsync(new Uri($"{discord.ApiBase}/webhooks/{NewId()}/tok"), Json(Message("x")));
        var other = NewId();
        discord.WebhookUrl(other, "right");
        var wrongToken = await Http.PostAsync(new Uri($"{discord.ApiBase}/webhooks/{other}/wrong"), Json(Message("x")));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, unknown.StatusCode));
        Assert.Equal((10015, 10015), ((await JsonOf(deleted)).GetProperty("code").GetInt32(), (await JsonOf(unknown)).GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.Unauthorized, 50027), (wrongToken.StatusCode, (await JsonOf(wrongToken)).GetProperty("code").GetInt32()));
        Assert.Contains(discord.Rejected, r => r.Path.Contains(other) && r.Status == 401);
    }

    [Fact]
    public async Task The_Discord_bot_API_demands_its_User_Agent_and_token_and_supports_replies_threads_and_edits()
    {
        var channel = NewId();
        discord.AddChannel(channel);
        var noAgent = await Http.SendAsync(Bot($"/channels/{channel}/messages", Message("x"), userAgent: null));
        var badToken = await Http.SendAsync(Bot($"/channels/{channel}/messages", Message("x"), token: "wrong"));
        var first = await JsonOf(await Http.SendAsync(Bot($"/channels/{channel}/messages", Message("root"))));
        var id = first.GetProperty("id").GetString();
        var reply = await Http.SendAsync(Bot($"/channels/{channel}/messages",
            JsonSerializer.Serialize(new { content = "reply", allowed_mentions = new { parse = Array.Empty<string>() }, message_reference = new { message_id = id } })));
        var thread = await Http.SendAsync(Bot($"/channels/{channel}/messages/{id}/threads", """{"name":"alert thread"}"""));
        var inThread = await Http.SendAsync(Bot($"/channels/{id}/messages", Message("in thread")));

        Assert.Equal((HttpStatusCode.BadRequest, 40333), (noAgent.StatusCode, (await JsonOf(noAgent)).GetProperty("code").GetInt32()));
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK), (reply.StatusCode, thread.StatusCode, inThread.StatusCode));
        Assert.Equal(id, (await JsonOf(thread)).GetProperty("id").GetString());
        Assert.Contains(discord.Messages, m => m.ReplyToId == id && m.Content == "reply");
        Assert.Contains(discord.Messages, m => m.ThreadId == id && m.Content == "in thread");

        var hook = discord.WebhookUrl(NewId());
        var posted = await JsonOf(await Http.PostAsync($"{hook}?wait=true", Json(Message("v1"))));
        var edit = await Http.PatchAsync($"{hook}/messages/{posted.GetProperty("id").GetString()}", Json(Message("v2")));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains(discord.Edits, e => e.Id == posted.GetProperty("id").GetString() && e.Content == "v2");
    }

    [Fact]
    public async Task A_scripted_slow_Discord_answer_outlasts_a_client_timeout_and_the_next_request_is_answered_normally()
    {
        var url = discord.WebhookUrl(NewId());
        discord.Script(DiscordFault.Slow(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync(url, Json(Message("slow"))));
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsync(url, Json(Message("next")))).StatusCode);
        await Eventually.TrueAsync(() => Task.FromResult(discord.Requests.Any(r => r.Path == url.AbsolutePath && r.Status == 499)),
            "the abandoned request is logged as 499", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(discord.Messages, m => m.Content == "slow");
    }

    HttpRequestMessage Bot(string path, string body, string? userAgent = "DiscordBot (https://example.invalid, 1.0)", string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{discord.ApiBase}{path}") { Content = Json(body) };
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bot {token ?? discord.BotToken}");
        return request;
    }

    static string NewId() => (900_000_000_000_000_000L + Interlocked.Increment(ref _ids)).ToString();

    static string Message(string? content, IEnumerable<object>? embeds = null) =>
        JsonSerializer.Serialize(new { content, embeds, allowed_mentions = new { parse = Array.Empty<string>() } });

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
