using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>A stand-in for a host on the internal network: Kestrel on 127.0.0.2 answering an RSS feed, counting requests.</summary>
public sealed class IntranetServer : IAsyncDisposable
{
    readonly WebApplication _app;
    int _requests;

    IntranetServer(WebApplication app) => _app = app;

    public int Port => new Uri(_app.Urls.Single()).Port;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<IntranetServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.2:0");
        var server = new IntranetServer(app);
        var feed = Responses.Bytes(FeedXml.Rss("intranet", [new Entry("internal only", "http://intranet.test/1")]), Responses.Rss);
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            return feed(context);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
