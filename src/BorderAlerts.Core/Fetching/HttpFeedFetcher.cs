using System.Net;
using System.Net.Http.Headers;

namespace BorderAlerts.Core.Fetching;

/// <summary>
/// Fetch stage. Rules: conditional GET (ETag, Last-Modified); redirects followed by hand up to a cap;
/// the body is cut at the cap, never buffered past it; one timeout covers headers and body;
/// per-host concurrency is capped; feeds added from chat connect only to public addresses (<see cref="AddressGuard"/>). Every outcome is a <see cref="FetchResult"/>.
/// </summary>
public sealed class HttpFeedFetcher(IHttpClientFactory clients, FetchOptions options, TimeProvider clock) : IFeedFetcher
{
    public const string ClientName = "feeds";
    /// <summary>The client for feeds added from chat: its connect step is <see cref="AddressGuard.ConnectAsync"/>.</summary>
    public const string UntrustedClientName = "feeds-untrusted";
    static readonly string[] EvidenceHeaders =
        ["Content-Type", "Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Date", "Server", "Cache-Control", "Expires", "Link"];

    readonly HostGate _gate = new(options.MaxConcurrencyPerHost);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var slot = await _gate.EnterAsync(request.Url.Host, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var client = clients.CreateClient(request.Untrusted ? UntrustedClientName : ClientName);
        try
        {
            var url = request.Url;
            for (int hop = 0; ; hop++)
            {
                using var message = Build(url, request);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (RedirectTarget(url, response) is { } next)
                {
                    if (hop >= options.MaxRedirects)
                        return new FetchResult.Failed(FetchFailure.TooManyRedirects, $"more than {options.MaxRedirects} redirects (last to {next})", (int)response.StatusCode);
                    if (next.Scheme is not ("http" or "https"))
                        return new FetchResult.Failed(FetchFailure.HttpError, $"redirect to a non-http(s) address ({next.Scheme}:)", (int)response.StatusCode);
                    url = next;
                    continue;
                }
                return await ReadAsync(url, response, request, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult.Failed(FetchFailure.Timeout, $"no complete answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return new FetchResult.Failed(FetchFailure.Refused, refused.Reason);
        }
        catch (HttpRequestException e)
        {
            return new FetchResult.Failed(FetchFailure.Network, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException)
        {
            // A connection dropped mid-body, or a body that does not decode as its Content-Encoding says.
            return new FetchResult.Failed(FetchFailure.Network, e.Message);
        }
    }

    HttpRequestMessage Build(Uri url, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.UserAgent.ParseAdd(options.UserAgent);
        message.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (request.ETag is { } etag) message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (request.LastModified is { } since) message.Headers.TryAddWithoutValidation("If-Modified-Since", since);
        return message;
    }

    static Uri? RedirectTarget(Uri current, HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location) return null;
        return location.IsAbsoluteUri ? location : new Uri(current, location);
    }

    async Task<FetchResult> ReadAsync(Uri url, HttpResponseMessage response, FetchRequest request, CancellationToken cancellationToken)
    {
        var content = response.Content.Headers;
        if (response.StatusCode == HttpStatusCode.NotModified)
            return new FetchResult.NotModified(response.Headers.ETag?.ToString(), content.LastModified?.ToString("R"), EvidenceOf(response));
        if (HttpStatusMap.Classify(response.StatusCode) is { } failure)
            return new FetchResult.Failed(failure, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(),
                (int)response.StatusCode, HttpStatusMap.RetryAfter(response, clock.GetUtcNow()));
        var cap = request.MaxBodyBytes ?? options.MaxBodyBytes;
        if (content.ContentLength > cap)
            return TooLarge(cap, content.ContentLength.Value);
        byte[]? body = request.BodyTo is { } target
            ? await CappedBody.CopyAsync(response.Content, cap, target, cancellationToken) ? [] : null
            : await CappedBody.ReadAsync(response.Content, cap, cancellationToken);
        if (body is null) return TooLarge(cap, null);
        return new FetchResult.Fetched(url, (int)response.StatusCode, body, content.ContentType?.ToString(),
            response.Headers.ETag?.ToString(), content.LastModified?.ToString("R"), EvidenceOf(response));
    }

    static FetchResult TooLarge(long cap, long? declared) => new FetchResult.Failed(FetchFailure.TooLarge,
        $"body larger than the {cap / (1024 * 1024.0):0.#} MB cap" + (declared is { } n ? $" (declared {n:N0} bytes)" : ""));

    static List<KeyValuePair<string, string>> EvidenceOf(HttpResponseMessage response)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Status", ((int)response.StatusCode).ToString()) };
        foreach (var name in EvidenceHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                headers.Add(new(name, string.Join(", ", values)));
        }
        return headers;
    }
}
