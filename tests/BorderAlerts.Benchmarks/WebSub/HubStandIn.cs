using System.Collections.Concurrent;
using System.Text;
using BorderAlerts.Core.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Benchmarks.WebSub;

/// <summary>
/// One loopback server playing the three outsiders of a push: the source (GET /feed.xml, naming /hub and itself), a WebSub
/// hub (POST /hub: 202, then verification of intent on the callback) and a Slack incoming webhook (POST /slack: "ok"),
/// which notes when each card arrived.
/// </summary>
public sealed class HubStandIn : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly HttpClient _http = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> _waiting = new();
    readonly TaskCompletionSource<(string Callback, string Secret)> _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    HubStandIn(WebApplication app) => _app = app;

    public Uri Base => new(_app.Urls.Single());
    public Uri Feed => new(Base, "/feed.xml");
    public Uri Hub => new(Base, "/hub");
    public Uri Webhook => new(Base, "/slack");
    public Task<(string Callback, string Secret)> Subscribed => _subscribed.Task;

    public static async Task<HubStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var standIn = new HubStandIn(app);
        app.MapGet("/feed.xml", () => Results.Bytes(standIn.FeedBody("seed"), "application/rss+xml"));
        app.MapPost("/hub", standIn.SubscribeAsync);
        app.MapPost("/slack", standIn.CardAsync);
        await app.StartAsync();
        return standIn;
    }

    /// <summary>
    /// The feed with one item, whose title carries <paramref name="marker"/>; its other words are random, so each push is
    /// an event of its own (alike items would join one story and arrive as one card).
    /// </summary>
    public byte[] FeedBody(string marker)
    {
        var words = string.Join(' ', Enumerable.Range(0, 8).Select(_ => Guid.NewGuid().ToString("N")[..7]));
        return Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Border</title><link>https://example.org/</link>
        <description>d</description><atom:link rel="hub" href="{Hub}"/><atom:link rel="self" href="{Feed}"/>
        <item><title>Dandong smuggling case {marker} {words}</title><link>https://example.org/{marker}</link>
        <description>{words} case {marker}.</description></item></channel></rss>
        """);
    }

    /// <summary>Waits for the card whose text carries <paramref name="marker"/>; its arrival time.</summary>
    public Task<DateTimeOffset> CardFor(string marker) =>
        _waiting.GetOrAdd(marker, _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Sends the hub's content distribution for <paramref name="body"/>, signed; returns the callback's status.</summary>
    public async Task<int> PushAsync(byte[] body)
    {
        var (callback, secret) = await Subscribed;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/rss+xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = content };
        request.Headers.TryAddWithoutValidation(HubSignature.Header, HubSignature.Sign(body, secret));
        using var response = await _http.SendAsync(request);
        return (int)response.StatusCode;
    }

    async Task<IResult> SubscribeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (callback, topic, secret) = (form["hub.callback"].ToString(), form["hub.topic"].ToString(), form["hub.secret"].ToString());
        _ = Task.Run(async () =>
        {
            var challenge = Guid.NewGuid().ToString("N");
            var echoed = await _http.GetStringAsync($"{callback}?hub.mode=subscribe&hub.topic={Uri.EscapeDataString(topic)}&hub.challenge={challenge}&hub.lease_seconds=86400");
            if (echoed == challenge) _subscribed.TrySetResult((callback, secret));
        });
        return Results.StatusCode(202);
    }

    async Task<IResult> CardAsync(HttpRequest request)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        foreach (var (marker, waiting) in _waiting)
            if (text.Contains($"case {marker}", StringComparison.Ordinal)) waiting.TrySetResult(arrived);
        return Results.Text("ok");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
