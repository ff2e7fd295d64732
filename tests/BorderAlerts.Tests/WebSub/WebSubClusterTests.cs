using System.Net;
using BorderAlerts.Core.WebSub;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.WebSub;

/// <summary>
/// Two instances on one PostgreSQL store behind one public address: one subscription per feed whichever instance found
/// the hub, one request to the hub however many instances maintain it at once, and a push taken by whichever
/// instance the hub reaches, stored once.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class WebSubClusterTests(FeedServer feeds, FakeHub hub) : IClassFixture<FeedServer>, IClassFixture<FakeHub>
{
    [Theory, PostgresData]
    public async Task One_instance_holds_the_subscription_and_any_instance_takes_the_push(Store store)
    {
        var feed = feeds.Serve(_ => Task.CompletedTask);
        feeds.Answer(feed, Responses.Bytes(WebSubTests.Rss(feed.ToString(), hub.Url, "丹东口岸恢复通关"), Responses.Rss));
        var session = new CliSession(store); // disposed with the first instance, after the second has stopped
        session.WriteFeeds($"feeds:\n  - id: border\n    url: {feed}\n    language: zh-Hans\n");
        File.WriteAllText(session.Folder.RulesYaml, "rules:\n  - id: border-smuggling\n    name: Smuggling\n    query: 丹东 AND 走私\n");
        var (publicAddress, otherAddress) = (ChatHost.FreeAddress(), ChatHost.FreeAddress());
        await using var first = await ChatHost.StartAtAsync(session, publicAddress, ("PublicUrl", publicAddress), ("Fetch__AllowPrivateAddresses", "true"));
        var second = await ChatHost.StartAtAsync(session, otherAddress, ("PublicUrl", publicAddress), ("Fetch__AllowPrivateAddresses", "true"));
        try { await RunAsync(first, second, feed, otherAddress); }
        finally { await second.StopAsync(); }
    }

    async Task RunAsync(ChatHost first, ChatHost second, Uri feed, string otherAddress)
    {

        await first.PollAllAsync();
        await second.PollAllAsync(); // both find the hub
        await Task.WhenAll(first.Services.GetRequiredService<WebSubSubscriber>().MaintainAsync(CancellationToken.None),
            second.Services.GetRequiredService<WebSubSubscriber>().MaintainAsync(CancellationToken.None));
        await Eventually.TrueAsync(() => Task.FromResult(hub.Subscribers.Values.Any(s => s.Topic == feed.ToString())), "the hub verified");
        var subscription = hub.Subscribers.Values.Single(s => s.Topic == feed.ToString());

        // The hub posts to the public address; the balancer sends it to the other instance.
        var body = WebSubTests.Rss(feed.ToString(), hub.Url, "丹东海关查获走私煤炭");
        using var push = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(otherAddress), new Uri(subscription.Callback).AbsolutePath))
        { Content = new ByteArrayContent(body) };
        push.Headers.Add(HubSignature.Header, HubSignature.Sign(body, subscription.Secret!));
        using var http = new HttpClient();
        using var answer = await http.SendAsync(push);

        Assert.Single(hub.Forms, f => f.Topic == feed.ToString());
        Assert.Equal(1, await StoreProbe.For(first.Services).CountAsync("websub_subscriptions"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, await StoreProbe.For(first.Services).CountAsync("alerts", "rule_id = 'border-smuggling'"));
    }
}
