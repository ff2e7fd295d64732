using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// The Kestrel part shared by <see cref="FakeDiscord"/> and <see cref="FakeSlack"/>: a real server on 127.0.0.1 with an
/// OS-chosen port, a log of every request with the status it got, and a hang-up by the client treated as normal.
/// </summary>
sealed class FakeHost
{
    WebApplication? _app;

    public Journal<LoggedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync(Action<WebApplication> mapRoutes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.Use(LogAsync);
        mapRoutes(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>Logs each request as its answer starts, so the entry exists before the client sees the status.</summary>
    async Task LogAsync(HttpContext context, RequestDelegate next)
    {
        var at = DateTimeOffset.UtcNow;
        var logged = 0;
        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) == 1) return;
            var request = context.Request;
            Requests.Add(new LoggedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "",
                context.Response.StatusCode, Header(request, "User-Agent"), at));
        }
        context.Response.OnStarting(() => { Log(); return Task.CompletedTask; });
        try { await next(context); }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout during a scripted slow answer): logged as 499, nginx's "client closed request".
            if (!context.Response.HasStarted) context.Response.StatusCode = 499;
        }
        finally { Log(); }
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body parsed as JSON, or null with the raw text when it is not JSON.</summary>
    public static async Task<(JsonElement? Json, string Raw)> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            using var document = JsonDocument.Parse(raw);
            return (document.RootElement.Clone(), raw);
        }
        catch (JsonException) { return (null, raw); }
    }

    public static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>One request as the fake saw it, with the status it answered (499 when the client hung up first).</summary>
public sealed record LoggedRequest(string Method, string Path, string Query, int Status, string? UserAgent, DateTimeOffset At);

/// <summary>A request the fake refused because the client broke the platform contract (bad body, limits, auth).</summary>
public sealed record RejectedRequest(string Method, string Path, int Status, string Error, IReadOnlyList<string> Violations, string Body)
{
    public override string ToString() => $"{Method} {Path} → {Status} {Error}: {string.Join("; ", Violations)}";
}

/// <summary>Thread-safe append-only list with a deadline wait.</summary>
public sealed class Journal<T>
{
    readonly List<T> _items = [];
    readonly Lock _gate = new();

    public void Add(T item) { lock (_gate) _items.Add(item); }

    public IReadOnlyList<T> Snapshot() { lock (_gate) return [.. _items]; }

    public int Count { get { lock (_gate) return _items.Count; } }

    public void Clear() { lock (_gate) _items.Clear(); }

    /// <summary>Polls until at least <paramref name="count"/> items (matching <paramref name="where"/>) exist; fails the test with <paramref name="describe"/> at the deadline.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(int count, TimeSpan timeout, Func<T, bool>? where, Func<string> describe)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var items = where is null ? Snapshot() : [.. Snapshot().Where(where)];
            if (items.Count >= count) return items;
            if (DateTimeOffset.UtcNow >= deadline)
                Assert.Fail($"expected {count} item(s) within {timeout.TotalSeconds:0.#} s, got {items.Count}. {describe()}");
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }
}

static class FakeReply
{
    public static Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task TextAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    public static Task EmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
