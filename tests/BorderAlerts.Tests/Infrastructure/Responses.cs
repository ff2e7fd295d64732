using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Handlers for <see cref="FeedServer"/>: feeds with validators, error statuses, and the hostile answers a fetcher
/// must survive (slow, endless, lying about its length, cut off, compressed bombs). The endless answers stream until
/// the client hangs up, so a test never holds more than the fetcher's cap in memory.
/// </summary>
public static class Responses
{
    public const string Rss = "application/rss+xml", Json = "application/json; charset=utf-8", Html = "text/html; charset=utf-8";

    /// <summary>A body with optional validators; a matching If-None-Match or If-Modified-Since gets 304.</summary>
    public static RequestDelegate Bytes(byte[] body, string contentType, string? etag = null, DateTimeOffset? lastModified = null) =>
        async context =>
        {
            var response = context.Response;
            if (etag is not null) response.Headers.ETag = etag;
            if (lastModified is { } modified) response.Headers.LastModified = modified.ToString("R");
            if (IsFresh(context.Request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
        };

    public static RequestDelegate Fixture(string relativePath, string contentType = Rss, string? etag = null, DateTimeOffset? lastModified = null) =>
        Bytes(FixtureFiles.Read(relativePath), contentType, etag, lastModified);

    public static RequestDelegate Text(string body, string contentType = Rss + "; charset=utf-8", string? etag = null) =>
        Bytes(Encoding.UTF8.GetBytes(body), contentType, etag);

    /// <summary>The body gzip-compressed, sent with Content-Encoding: gzip.</summary>
    public static RequestDelegate Gzip(byte[] body, string contentType = Rss)
    {
        var compressed = Compress(body);
        return async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
        };
    }

    /// <summary>An uncompressed body sent under a Content-Encoding it does not have (gzip, br): the decoder meets garbage.</summary>
    public static RequestDelegate FalseContentEncoding(string encoding, byte[] body) => async context =>
    {
        context.Response.ContentType = Rss;
        context.Response.Headers.ContentEncoding = encoding;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    };

    public static RequestDelegate Status(int status, string? retryAfter = null) => async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"status {status}", context.RequestAborted);
    };

    public static RequestDelegate Redirect(string location, int status = StatusCodes.Status302Found) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>Holds every request until <paramref name="release"/> completes, then answers as <paramref name="then"/>.</summary>
    public static RequestDelegate Held(Task release, RequestDelegate then) => async context =>
    {
        await release.WaitAsync(context.RequestAborted);
        await then(context);
    };

    /// <summary>Sends nothing, not even headers, for <paramref name="delay"/> (far longer than any test's fetch timeout).</summary>
    public static RequestDelegate Slow(TimeSpan delay) => async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await context.Response.WriteAsync("<rss version=\"2.0\"><channel/></rss>", context.RequestAborted);
    };

    /// <summary>Headers at once, then one small piece of a feed per <paramref name="interval"/>, forever.</summary>
    public static RequestDelegate Trickle(TimeSpan interval) => async context =>
    {
        context.Response.ContentType = Rss;
        await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>trickle</title>", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        for (int i = 0; ; i++)
        {
            await Task.Delay(interval, context.RequestAborted);
            await context.Response.WriteAsync($"<item><title>丹东 {i}</title></item>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    };

    /// <summary>A chunked body with no end: well-formed feed padding, 64 KB at a time, until the client hangs up.</summary>
    public static RequestDelegate Endless() => async context =>
    {
        context.Response.ContentType = Rss;
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<!-- 丹东 padding padding padding -->\n", 1_600)));
        await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", context.RequestAborted);
        while (!context.RequestAborted.IsCancellationRequested)
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
    };

    /// <summary>Declares a Content-Length of <paramref name="declared"/> bytes and starts streaming them.</summary>
    public static RequestDelegate DeclaredHuge(long declared) => async context =>
    {
        context.Response.ContentType = Rss;
        context.Response.ContentLength = declared;
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        for (long sent = 0; sent < declared && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
    };

    /// <summary>A small gzip body (a few KB) that inflates to <paramref name="inflated"/> bytes of zeros.</summary>
    public static RequestDelegate GzipBomb(int inflated) => Gzip(new byte[inflated]);

    /// <summary>
    /// Promises <paramref name="declared"/> bytes, sends <paramref name="sent"/>, then ends the connection. The response is
    /// written straight to Kestrel's socket and followed by a FIN, so the client reads the headers and every byte sent and
    /// then meets the end of the stream, whatever the timing.
    /// </summary>
    public static RequestDelegate Truncated(long declared, int sent) => async context =>
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("Kestrel's socket transport exposes the socket");
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: {Rss}\r\nContent-Length: {declared}\r\n\r\n"
            + "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>cut</title>";
        var bytes = Encoding.ASCII.GetBytes(head.PadRight(head.Length + Math.Max(0, sent - head.Length)));
        await socket.SendAsync(bytes, SocketFlags.None, context.RequestAborted);
        socket.Shutdown(SocketShutdown.Send);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    };

    static bool IsFresh(HttpRequest request, string? etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (etag is not null && ifNoneMatch.Length > 0)
            return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*");
        return lastModified is { } modified
            && DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), out var since)
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    static byte[] Compress(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(body);
        return buffer.ToArray();
    }
}
