using BorderAlerts.Core.Fetching;

namespace BorderAlerts.Core.WebSub;

/// <summary>A subscriber's request to a hub (W3C WebSub §5.1): subscribe or unsubscribe a callback to a topic.</summary>
public sealed record HubRequest(string Mode, Uri Hub, Uri Topic, Uri Callback, TimeSpan? Lease = null, string? Secret = null)
{
    public FormUrlEncodedContent Form()
    {
        var fields = new List<KeyValuePair<string, string>> { new("hub.mode", Mode), new("hub.topic", Topic.ToString()), new("hub.callback", Callback.ToString()) };
        if (Lease is { } lease) fields.Add(new("hub.lease_seconds", ((long)lease.TotalSeconds).ToString()));
        if (Secret is { } secret) fields.Add(new("hub.secret", secret));
        return new FormUrlEncodedContent(fields);
    }
}

/// <summary>The hub took the request (2xx; its verification follows) or refused it, with why.</summary>
public sealed record HubAnswer(bool Accepted, string Detail);

public interface IHubClient
{
    /// <param name="untrusted">The feed came from chat: the hub it names is reached only at a public address.</param>
    Task<HubAnswer> SendAsync(HubRequest request, bool untrusted, CancellationToken cancellationToken);
}

/// <summary>
/// Posts the form with the feeds' HTTP clients (the chat-added feeds' one refuses private addresses, so a feed cannot
/// point the service at its own network); redirects are not followed, as a hub's answer must come from the hub.
/// </summary>
public sealed class HttpHubClient(IHttpClientFactory clients) : IHubClient
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<HubAnswer> SendAsync(HubRequest request, bool untrusted, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var client = clients.CreateClient(untrusted ? HttpFeedFetcher.UntrustedClientName : HttpFeedFetcher.ClientName);
        try
        {
            using var response = await client.PostAsync(request.Hub, request.Form(), timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300) return new HubAnswer(true, $"HTTP {status}");
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new HubAnswer(false, $"HTTP {status} {Clip(body)}".TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HubAnswer(false, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return new HubAnswer(false, refused.Reason);
        }
        catch (HttpRequestException e)
        {
            return new HubAnswer(false, e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>A hub's error page, one line and short, so a log line stays readable.</summary>
    static string Clip(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
