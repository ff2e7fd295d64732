using System.Text;
using BorderAlerts.Core.Fetching;

namespace BorderAlerts.Core.WebSub;

/// <summary>A subscriber's request to a hub (W3C WebSub §5.1): subscribe or unsubscribe a callback to a topic.</summary>
public sealed record HubRequest(string Mode, Uri Hub, Uri Topic, Uri Callback, TimeSpan? Lease = null, string? Secret = null)
{
    /// <summary>The topic as the feed wrote it (hubs match it to the publisher's pings as a string), the callback as ours.</summary>
    public FormUrlEncodedContent Form()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("hub.mode", Mode), new("hub.topic", Topic.OriginalString), new("hub.callback", Callback.AbsoluteUri),
        };
        if (Lease is { } lease) fields.Add(new("hub.lease_seconds", ((long)lease.TotalSeconds).ToString()));
        if (Secret is { } secret) fields.Add(new("hub.secret", secret));
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>A hub's words with our secret and callback taken out: its error page may echo what we sent.</summary>
    public string Scrub(string text)
    {
        if (Secret is { Length: > 0 } secret) text = text.Replace(secret, "[secret]", StringComparison.Ordinal);
        var callback = Callback.AbsoluteUri;
        var id = callback[(callback.LastIndexOf('/') + 1)..];
        text = text.Replace(Uri.EscapeDataString(callback), "[callback]", StringComparison.OrdinalIgnoreCase).Replace(callback, "[callback]", StringComparison.Ordinal);
        return id.Length > 0 ? text.Replace(id, "[callback]", StringComparison.Ordinal) : text;
    }
}

/// <summary>The hub took the request (2xx; its verification follows) or did not, with why in a phrase of its own ("the hub answered HTTP 503 …").</summary>
public sealed record HubAnswer(bool Accepted, string Detail);

public interface IHubClient
{
    Task<HubAnswer> SendAsync(HubRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Posts the form through the client whose connections <see cref="AddressGuard"/> checks, whoever listed the feed: the
/// hub's address comes from the feed's content, not from the operator, so it reaches a private or loopback address only
/// with Fetch:AllowPrivateAddresses. Redirects are not followed (a hub's answer must come from the hub), and no more than
/// a few kilobytes of an answer are read, so a hostile hub cannot flood the service.
/// </summary>
public sealed class HttpHubClient(IHttpClientFactory clients) : IHubClient
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    const int MaxAnswerBytes = 4096;

    public async Task<HubAnswer> SendAsync(HubRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var client = clients.CreateClient(HttpFeedFetcher.UntrustedClientName);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Hub) { Content = request.Form() };
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300) return new HubAnswer(true, $"HTTP {status}");
            var body = await StartOfAsync(response.Content, timeout.Token);
            return new HubAnswer(false, $"the hub answered HTTP {status} {Clip(request.Scrub(body))}".TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HubAnswer(false, $"the hub gave no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return new HubAnswer(false, $"not sent: {refused.Reason}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new HubAnswer(false, $"the hub could not be reached: {request.Scrub(e.InnerException?.Message ?? e.Message)}");
        }
    }

    static async Task<string> StartOfAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswerBytes];
        int read = 0, n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0) read += n;
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>A hub's error page, one line and short, so a log line stays readable.</summary>
    static string Clip(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
