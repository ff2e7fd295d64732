using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Benchmarks.Translation;

/// <summary>
/// Everything the service talks to, on one loopback Kestrel port: the feeds (<c>GET /feed/N.xml</c>, RSS 2.0 of the
/// items <see cref="Publish"/> put there), a LibreTranslate stand-in (<c>POST /translate</c>, behaving as
/// <see cref="Condition"/> says), and a Discord webhook receiver (<c>POST /api/v10/webhooks/ID/TOKEN?wait=true</c>)
/// that answers like Discord after <see cref="ChatDelay"/> and notes when each card's marker first arrived.
/// </summary>
public sealed partial class LoopbackStandIns : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentDictionary<int, List<(string Title, string Link)>> _feeds = new();
    readonly ConcurrentDictionary<string, DateTimeOffset> _arrived = new();
    readonly ConcurrentDictionary<string, bool> _translated = new();
    readonly ConcurrentQueue<string> _notices = new();
    long _messages, _translateRequests;

    LoopbackStandIns(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;
    public TranslatorCondition Condition { get; set; } = null!;
    public TimeSpan ChatDelay { get; set; }
    public long Messages => Interlocked.Read(ref _messages);
    public long TranslateRequests => Interlocked.Read(ref _translateRequests);
    public IReadOnlyCollection<string> Notices => _notices;

    /// <summary>When the card carrying <paramref name="marker"/> reached the chat receiver, if it has.</summary>
    public DateTimeOffset? Arrival(string marker) => _arrived.TryGetValue(marker, out var at) ? at : null;

    /// <summary>Whether the card carrying <paramref name="marker"/> went with the stand-in's translation.</summary>
    public bool Translated(string marker) => _translated.ContainsKey(marker);

    public static async Task<LoopbackStandIns> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.AddServerHeader = false; k.Listen(IPAddress.Loopback, 0); });
        var app = builder.Build();
        var standIns = new LoopbackStandIns(app);
        app.MapGet("/feed/{n:int}.xml", (int n) => Results.Text(standIns.Rss(n), "application/rss+xml; charset=utf-8"));
        app.MapPost("/translate", standIns.TranslateAsync);
        app.MapPost("/api/v10/webhooks/{id}/{token}", standIns.ChatAsync);
        await app.StartAsync();
        standIns.BaseAddress = new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1") + "/");
        return standIns;
    }

    /// <summary>Resets what the receiver saw, for the next condition.</summary>
    public void Clear()
    {
        _feeds.Clear();
        _arrived.Clear();
        _translated.Clear();
        _notices.Clear();
        Interlocked.Exchange(ref _messages, 0);
        Interlocked.Exchange(ref _translateRequests, 0);
    }

    /// <summary>Puts an item at the top of feed <paramref name="feed"/> (the feed keeps its last five).</summary>
    public void Publish(int feed, string title, string link)
    {
        var items = _feeds.GetOrAdd(feed, _ => []);
        lock (items)
        {
            items.Insert(0, (title, link));
            if (items.Count > 5) items.RemoveAt(items.Count - 1);
        }
    }

    string Rss(int n)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>outlet ")
            .Append(n).Append("</title><link>https://outlet").Append(n).Append(".example/</link><description>bench</description>");
        var items = _feeds.GetOrAdd(n, _ => []);
        lock (items)
            foreach (var (title, link) in items)
                text.Append("<item><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><link>").Append(link).Append("</link><guid>")
                    .Append(link).Append("</guid><description>").Append(WebUtility.HtmlEncode(title)).Append("。</description></item>");
        return text.Append("</channel></rss>").ToString();
    }

    async Task TranslateAsync(HttpContext context)
    {
        Interlocked.Increment(ref _translateRequests);
        var condition = Condition;
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var wait = condition.MinDelay + (condition.MaxDelay - condition.MinDelay) * Random.Shared.NextDouble();
        try { await Task.Delay(wait, context.RequestAborted); }
        catch (OperationCanceledException) { return; } // the service gave up waiting
        switch (condition.Behaviour)
        {
            case TranslatorBehaviour.Status500:
                await Error(context, 500, "Cannot translate text: model failed");
                return;
            case TranslatorBehaviour.Status429:
                await Error(context, 429, "Too many request limits violations");
                return;
            case TranslatorBehaviour.Malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"translatedText\": [\"half an ans", context.RequestAborted);
                return;
        }
        var texts = body.RootElement.GetProperty("q").EnumerateArray().Select(t => "EN: " + t.GetString()).ToList();
        await context.Response.WriteAsJsonAsync(new { translatedText = texts }, context.RequestAborted);
    }

    static async Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = message }, context.RequestAborted);
    }

    async Task ChatAsync(HttpContext context, string id, string token)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var now = DateTimeOffset.UtcNow; // sent: the platform has the message; it answers after ChatDelay
        if (ChatDelay > TimeSpan.Zero) await Task.Delay(ChatDelay, context.RequestAborted);
        var message = Interlocked.Increment(ref _messages);
        if (token == "ops") _notices.Enqueue(body);
        else Note(body, now);
        await context.Response.WriteAsJsonAsync(new { id = (100_000 + message).ToString(), channel_id = id, type = 0 }, context.RequestAborted);
    }

    /// <summary>Notes the cards of a message: an embed each (its title has the marker), or a line of text (a reply).</summary>
    void Note(string body, DateTimeOffset at)
    {
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty("content", out var content) && content.GetString() is { } text)
            foreach (Match marker in Marker().Matches(text)) _arrived.TryAdd(marker.Value, at);
        if (!json.RootElement.TryGetProperty("embeds", out var embeds)) return;
        foreach (var embed in embeds.EnumerateArray())
        {
            if (Marker().Match(embed.GetProperty("title").GetString() ?? "") is not { Success: true } marker) continue;
            _arrived.TryAdd(marker.Value, at);
            if (embed.TryGetProperty("fields", out var fields) && fields.EnumerateArray().Any(f => f.GetProperty("name").GetString()!.StartsWith("Machine translation")))
                _translated.TryAdd(marker.Value, true);
        }
    }

    /// <summary>The marker each benchmark item carries in its title: which card a message holds.</summary>
    [GeneratedRegex("N[0-9]{6}")]
    public static partial Regex Marker();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
