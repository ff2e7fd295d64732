using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) that plays every kind of source the fetcher meets.
/// Routes are a mutable table, so a test can change what a path answers between polls; every request is recorded
/// per path. Besides the standing routes below, <c>/fixtures/{file}</c> serves a file from Fixtures/ (<c>?type=</c>
/// sets the Content-Type) and <c>/status/429?retry-after=120</c> answers that status and header. One server per test
/// class (<c>IClassFixture&lt;FeedServer&gt;</c>); tests take fresh paths from <see cref="Serve"/> so they never
/// share counters.
/// </summary>
public sealed class FeedServer : IAsyncLifetime
{
    public const string Loop = "/loop/a", Slow = "/slow", Trickle = "/trickle", Endless = "/endless", DeclaredHuge = "/huge-declared",
        GzipBomb = "/gzip-bomb", Truncated = "/truncated", Empty = "/empty", TenThousand = "/generated/10000.xml";

    readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _requests = new(StringComparer.Ordinal);
    WebApplication? _app;

    /// <summary>Path → handler. Replace an entry between polls to change what a source answers.</summary>
    public ConcurrentDictionary<string, RequestDelegate> Routes { get; } = new(StringComparer.Ordinal);

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>A path no other test uses, ending in <paramref name="name"/>.</summary>
    public string NewPath(string name = "feed.xml") => $"/t/{Guid.NewGuid():N}/{name}";

    /// <summary>Serves <paramref name="handler"/> at a fresh path and returns its address.</summary>
    public Uri Serve(RequestDelegate handler, string name = "feed.xml")
    {
        var path = NewPath(name);
        Routes[path] = handler;
        return Url(path);
    }

    /// <summary>Changes what an address answers from the next request on.</summary>
    public void Answer(Uri url, RequestDelegate handler) => Routes[url.AbsolutePath] = handler;

    public IReadOnlyList<RecordedRequest> RequestsTo(Uri url) =>
        _requests.TryGetValue(url.AbsolutePath, out var queue) ? [.. queue] : [];

    public int RequestCount(Uri url) => RequestsTo(url).Count;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.Run(DispatchAsync);
        RegisterStandingRoutes();
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    void RegisterStandingRoutes()
    {
        Routes["/loop/a"] = Responses.Redirect("/loop/b");
        Routes["/loop/b"] = Responses.Redirect("/loop/a");
        Routes[Slow] = Responses.Slow(TimeSpan.FromMinutes(2));
        Routes[Trickle] = Responses.Trickle(TimeSpan.FromMilliseconds(200));
        Routes[Endless] = Responses.Endless();
        Routes[DeclaredHuge] = Responses.DeclaredHuge(10L * 1024 * 1024 * 1024);
        Routes[GzipBomb] = Responses.GzipBomb(16 * 1024 * 1024);
        Routes[Truncated] = Responses.Truncated(declared: 100_000, sent: 2_000);
        Routes[Empty] = Responses.Bytes([], Responses.Rss);
        Routes[TenThousand] = Responses.Bytes(FeedXml.Generated(10_000), Responses.Rss, etag: "\"gen-10000\"");
    }

    async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.GetOrAdd(path, _ => new ConcurrentQueue<RecordedRequest>()).Enqueue(RecordedRequest.From(context.Request));
        var handler = Routes.TryGetValue(path, out var route) ? route
            : path.StartsWith("/fixtures/", StringComparison.Ordinal) ? FixtureFromPath(context.Request)
            : path.StartsWith("/status/", StringComparison.Ordinal) && int.TryParse(path["/status/".Length..], out var status)
                ? Responses.Status(status, context.Request.Query["retry-after"].FirstOrDefault())
            : Responses.Status(404);
        try { await handler(context); }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up (timeout, body cap, redirect cap): exactly what those tests provoke.
        }
    }

    static RequestDelegate FixtureFromPath(HttpRequest request)
    {
        var relative = Uri.UnescapeDataString(request.Path.Value!["/fixtures/".Length..]);
        if (!File.Exists(FixtureFiles.PathOf(relative))) return Responses.Status(404);
        var type = request.Query["type"].ToString();
        return Responses.Fixture(relative, type.Length > 0 ? type : FixtureFiles.ContentTypeOf(relative));
    }

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the fetcher sent, as the server saw it.</summary>
public sealed record RecordedRequest(string Path, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent, string? AcceptEncoding)
{
    public static RecordedRequest From(HttpRequest request) => new(request.Path.Value ?? "/", Header(request, "If-None-Match"),
        Header(request, "If-Modified-Since"), Header(request, "User-Agent"), Header(request, "Accept-Encoding"));

    static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
}
