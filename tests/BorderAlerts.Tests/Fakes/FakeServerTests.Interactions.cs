using System.Net;
using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>
/// FakeDiscord's interaction follow-up routes (docs/platform-contracts.md §D4e): issued tokens only, message rules,
/// flags; webhooks unaffected.
/// </summary>
public sealed partial class FakeServerTests
{
    const string Quiet = """ "allowed_mentions":{"parse":[]} """;

    [Fact]
    public async Task Discord_edits_the_original_answer_and_takes_an_ephemeral_follow_up_for_an_issued_token()
    {
        var token = discord.IssueInteractionToken();
        var url = discord.InteractionWebhookUrl(token);

        var edit = await Http.PatchAsync($"{url}/messages/@original", Json($$"""{"content":"3 results",{{Quiet}}}"""));
        var followUp = await Http.PostAsync(url, Json($$"""{"content":"more","flags":64,{{Quiet}}}"""));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (edit.StatusCode, followUp.StatusCode));
        var replies = discord.InteractionReplies.Where(r => r.Token == token).ToList();
        Assert.Equal([(true, "3 results", false), (false, "more", true)], replies.Select(r => (r.Original, r.Content, r.IsEphemeral)));
        Assert.DoesNotContain(discord.Messages, m => m.Content == "more");
    }

    [Fact]
    public async Task Discord_answers_10062_for_a_token_it_never_issued_or_that_expired()
    {
        var expired = discord.IssueInteractionToken();
        discord.ExpireInteractionToken(expired);

        var unknown = await Http.PatchAsync($"{discord.InteractionWebhookUrl("not-issued")}/messages/@original", Json($$"""{"content":"x",{{Quiet}}}"""));
        var late = await Http.PostAsync(discord.InteractionWebhookUrl(expired), Json($$"""{"content":"x",{{Quiet}}}"""));

        Assert.Equal((HttpStatusCode.NotFound, 10062), (unknown.StatusCode, (await JsonOf(unknown)).GetProperty("code").GetInt32()));
        Assert.Equal((HttpStatusCode.NotFound, 10062), (late.StatusCode, (await JsonOf(late)).GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Discord_refuses_follow_ups_that_break_the_message_rules_or_flags()
    {
        var token = discord.IssueInteractionToken();
        var url = discord.InteractionWebhookUrl(token);

        var tooLong = await Http.PostAsync(url, Json($$"""{"content":"{{new string('x', 2001)}}",{{Quiet}}}"""));
        var ephemeralEdit = await Http.PatchAsync($"{url}/messages/@original", Json($$"""{"content":"x","flags":64,{{Quiet}}}"""));

        Assert.Equal(50035, (await JsonOf(tooLong)).GetProperty("code").GetInt32());
        Assert.True((await JsonOf(ephemeralEdit)).GetProperty("errors").TryGetProperty("flags", out _));
        Assert.DoesNotContain(discord.InteractionReplies, r => r.Token == token);
    }

    [Fact]
    public async Task A_normal_webhook_post_still_executes_the_webhook()
    {
        var url = discord.WebhookUrl(NewId());

        var response = await Http.PostAsync($"{url}?wait=true", Json(Message("still a webhook")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(discord.Messages, m => m.Content == "still a webhook");
    }
}
