using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>
/// `farm --port P --feeds N --not-modified-share S --hosts H`: the loopback feed farm, run as its own process so its
/// CPU is not charged to the poller. Kestrel listens on 127.0.0.1 … 127.0.0.H (Linux routes all of 127/8 to lo);
/// feed n lives on host 127.0.0.(1 + n mod H) at /feed/n.xml.
/// A not-modified feed always serves the same version and answers 304 when If-None-Match carries its ETag;
/// every other feed gains one item on each request and answers 200. GET /__stats returns the farm's counters.
/// </summary>
public static class FarmServer
{
    public static async Task<int> RunAsync(FarmArgs args)
    {
        var versions = new int[args.Feeds];
        Array.Fill(versions, FarmContent.BaseVersion);
        long requests = 0, ok = 0, notModified = 0, notFound = 0, bytes = 0, repeats = 0;
        // scaleout: who asked (each instance sends its own User-Agent), and feeds asked again sooner than --min-gap-ms.
        var byAgent = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var lastAsked = new long[args.Feeds];
        var minGap = args.MinGapMs * Stopwatch.Frequency / 1000;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            for (int h = 0; h < args.Hosts; h++) k.Listen(IPAddress.Parse($"127.0.0.{1 + h}"), args.Port);
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path == "/__stats")
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
                await context.Response.WriteAsJsonAsync(new FarmStats(
                    Interlocked.Read(ref requests), Interlocked.Read(ref ok), Interlocked.Read(ref notModified),
                    Interlocked.Read(ref notFound), Interlocked.Read(ref bytes), cpu) { ByAgent = new(byAgent), Repeats = Interlocked.Read(ref repeats) });
                return;
            }
            Interlocked.Increment(ref requests);
            if (!path.StartsWith("/feed/", StringComparison.Ordinal) || !path.EndsWith(".xml", StringComparison.Ordinal)
                || !int.TryParse(path.AsSpan(6, path.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n < 0 || n >= args.Feeds)
            {
                Interlocked.Increment(ref notFound);
                context.Response.StatusCode = 404;
                return;
            }
            byAgent.AddOrUpdate(context.Request.Headers.UserAgent.ToString(), 1, (_, c) => c + 1);
            var now = Stopwatch.GetTimestamp();
            var previous = Interlocked.Exchange(ref lastAsked[n], now);
            if (minGap > 0 && previous != 0 && now - previous < minGap) Interlocked.Increment(ref repeats);
            int version;
            if (FarmContent.NotModifiedFeed(n, args.NotModifiedShare))
            {
                version = FarmContent.BaseVersion;
                var etag = FarmContent.ETag(n, version);
                if (context.Request.Headers.IfNoneMatch.ToString() == etag)
                {
                    Interlocked.Increment(ref notModified);
                    context.Response.StatusCode = 304;
                    context.Response.Headers.ETag = etag;
                    return;
                }
            }
            else version = Interlocked.Increment(ref versions[n]);
            var body = FarmContent.Rss(n, version);
            Interlocked.Increment(ref ok);
            Interlocked.Add(ref bytes, body.Length);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.ContentLength = body.Length;
            context.Response.Headers.ETag = FarmContent.ETag(n, version);
            context.Response.Headers.LastModified = FarmContent.Modified(version).ToString("R", CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "max-age=60";
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        Console.WriteLine($"READY {args.Port}");
        Console.Out.Flush();
        // The parent ends the farm by closing our standard input (or by killing this process).
        await Task.Run(() => { while (Console.In.ReadLine() is not null) { } });
        await app.StopAsync();
        return 0;
    }
}

public sealed record FarmStats(long Requests, long Ok, long NotModified, long NotFound, long Bytes, double CpuMs)
{
    public Dictionary<string, long> ByAgent { get; init; } = new();
    public long Repeats { get; init; }
}

/// <param name="MinGapMs">A request for a feed sooner than this after the previous one counts as a repeat (0: not counted).</param>
public sealed record FarmArgs(int Port, int Feeds, double NotModifiedShare, int Hosts, int MinGapMs = 0);
