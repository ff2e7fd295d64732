using System.Net;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>FakeSlack's response_url: five JSON messages per URL, then used_url; message rules apply.</summary>
public sealed partial class FakeServerTests
{
    [Fact]
    public async Task Slack_response_url_takes_five_messages_then_answers_used_url()
    {
        var url = slack.ResponseUrl();

        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 6; i++) answers.Add(await Http.PostAsync(url, Json($$"""{"response_type":"ephemeral","text":"part {{i}}"}""")));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.NotFound], answers.Select(a => a.StatusCode));
        Assert.Equal("used_url", (await JsonOf(answers[5])).GetProperty("error").GetString());
        Assert.Equal([1, 2, 3, 4, 5], slack.ResponsePosts.Where(p => p.Url == url).Select(p => p.Use));
    }

    [Fact]
    public async Task Slack_response_url_refuses_unknown_urls_and_messages_without_text()
    {
        var unknown = await Http.PostAsync(new Uri(slack.BaseAddress, "/commands/T0FAKE/0/nope"), Json("""{"text":"x"}"""));
        var empty = await Http.PostAsync(slack.ResponseUrl(), Json("""{"response_type":"in_channel"}"""));

        Assert.Equal((HttpStatusCode.NotFound, "invalid_url"), (unknown.StatusCode, (await JsonOf(unknown)).GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "no_text"), (empty.StatusCode, (await JsonOf(empty)).GetProperty("error").GetString()));
    }
}
