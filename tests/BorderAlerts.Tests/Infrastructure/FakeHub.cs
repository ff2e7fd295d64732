using System.Collections.Concurrent;
using System.Text;
using BorderAlerts.Core.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>A subscriber's request as the hub received it.</summary>
public sealed record HubForm(string Mode, string Topic, string Callback, string? LeaseSeconds, string? Secret);

/// <summary>A verification of intent the hub sent, and what the subscriber answered.</summary>
public sealed record HubCheck(string Mode, string Callback, int Status, bool Echoed);

/// <summary>
/// A WebSub hub on 127.0.0.1 as the W3C Recommendation has one behave: POST /hub takes a subscribe or unsubscribe form,
/// answers 202 and then verifies intent with a GET on the callback (hub.challenge must come back as the body); a
/// verified subscription receives <see cref="PublishAsync"/>'s content signed with its secret (X-Hub-Signature sha256).
/// Misbehaviours for tests: <see cref="RefuseWith"/> a status, <see cref="NeverVerify"/>, verify <see cref="WrongTopic"/>,
/// grant a <see cref="LeaseSeconds"/> of its own.
/// </summary>
public sealed class FakeHub : IAsyncLifetime
{
    readonly ConcurrentQueue<HubForm> _forms = new();
    readonly ConcurrentQueue<HubCheck> _checks = new();
    readonly ConcurrentDictionary<string, HubForm> _subscribers = new(StringComparer.Ordinal);
    readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    WebApplication? _app;

    public Uri Url { get; private set; } = null!;
    public volatile int RefuseWith;
    public volatile bool NeverVerify;
    public volatile string? WrongTopic;
    public volatile string? LeaseSeconds;

    public IReadOnlyList<HubForm> Forms => [.. _forms];
    public IReadOnlyList<HubCheck> Checks => [.. _checks];
    /// <summary>Verified subscriptions by callback.</summary>
    public IReadOnlyDictionary<string, HubForm> Subscribers => _subscribers;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/hub", ReceiveAsync);
        await _app.StartAsync();
        Url = new Uri(new Uri(_app.Urls.Single()), "/hub");
    }

    async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var received = new HubForm(form["hub.mode"].ToString(), form["hub.topic"].ToString(), form["hub.callback"].ToString(),
            form.TryGetValue("hub.lease_seconds", out var lease) ? lease.ToString() : null, form.TryGetValue("hub.secret", out var secret) ? secret.ToString() : null);
        _forms.Enqueue(received);
        if (RefuseWith != 0) return Results.Text("hub says no", statusCode: RefuseWith);
        if (!NeverVerify) _ = Task.Run(() => VerifyAsync(received));
        return Results.StatusCode(202);
    }

    async Task VerifyAsync(HubForm form)
    {
        await Task.Delay(50); // after the 202, as hubs verify asynchronously
        var challenge = Guid.NewGuid().ToString("N");
        var query = $"hub.mode={form.Mode}&hub.topic={Uri.EscapeDataString(WrongTopic ?? form.Topic)}&hub.challenge={challenge}";
        if (form.Mode == "subscribe") query += $"&hub.lease_seconds={LeaseSeconds ?? form.LeaseSeconds ?? "3600"}";
        using var response = await _http.GetAsync($"{form.Callback}?{query}");
        var echoed = (int)response.StatusCode is >= 200 and < 300 && await response.Content.ReadAsStringAsync() == challenge;
        _checks.Enqueue(new HubCheck(form.Mode, form.Callback, (int)response.StatusCode, echoed));
        if (!echoed) return;
        if (form.Mode == "subscribe") _subscribers[form.Callback] = form;
        else _subscribers.TryRemove(form.Callback, out _);
    }

    /// <summary>Distributes <paramref name="body"/> to the topic's subscribers; <paramref name="signature"/> replaces the real one.</summary>
    public async Task<IReadOnlyList<int>> PublishAsync(string topic, byte[] body, string contentType = "application/rss+xml", Func<HubForm, string?>? signature = null)
    {
        var statuses = new List<int>();
        foreach (var subscriber in _subscribers.Values.Where(s => s.Topic == topic))
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Callback) { Content = content };
            var header = signature is null ? HubSignature.Sign(body, subscriber.Secret!) : signature(subscriber);
            if (header is not null) request.Headers.TryAddWithoutValidation(HubSignature.Header, header);
            using var response = await _http.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }
        return statuses;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
