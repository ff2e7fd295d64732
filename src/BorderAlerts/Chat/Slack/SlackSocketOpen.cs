using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderAlerts.Chat.Slack;

/// <summary>What apps.connections.open came to: a WebSocket URL, a reason to try again later, or a reason to stop.</summary>
public abstract record SlackSocketOpenResult
{
    public sealed record Opened(Uri Url) : SlackSocketOpenResult
    {
        public override string ToString() => "Opened"; // the URL carries a connection ticket
    }

    public sealed record Retry(string Reason, TimeSpan? After = null) : SlackSocketOpenResult;

    public sealed record Fatal(string Reason) : SlackSocketOpenResult;
}

/// <summary>
/// apps.connections.open with the app-level token (docs/platform-contracts.md §S6). Token errors are final, so a bad token is
/// one clear log line, not a retry loop; rate limits, 5xx and network trouble are retried by the caller.
/// https://api.slack.com/methods/apps.connections.open
/// </summary>
public sealed class SlackSocketOpen(IHttpClientFactory clients)
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    static readonly string[] FinalErrors =
        ["not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope", "no_permission"];

    public async Task<SlackSocketOpenResult> OpenAsync(SlackSocketModeOptions options, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiBase.ToString().TrimEnd('/') + "/apps.connections.open"))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AppToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            using var response = await clients.CreateClient(SlackClient.ClientName).SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return Interpret(response, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SlackSocketOpenResult.Retry($"apps.connections.open: no answer within {Limit.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new SlackSocketOpenResult.Retry($"apps.connections.open: Slack unreachable ({e.HttpRequestError})");
        }
    }

    static SlackSocketOpenResult Interpret(HttpResponseMessage response, string text)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new SlackSocketOpenResult.Retry("apps.connections.open: rate limited", response.Headers.RetryAfter?.Delta);
        if (!response.IsSuccessStatusCode) return new SlackSocketOpenResult.Retry($"apps.connections.open: HTTP {(int)response.StatusCode}");
        JsonObject? json = null;
        try { json = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { }
        if (json?["ok"]?.GetValueKind() == JsonValueKind.True && Uri.TryCreate(json["url"]?.GetValue<string>(), UriKind.Absolute, out var url)
            && url.Scheme is "wss" or "ws")
            return new SlackSocketOpenResult.Opened(url);
        var error = json?["error"]?.GetValue<string>() ?? "unreadable answer";
        return FinalErrors.Contains(error)
            ? new SlackSocketOpenResult.Fatal($"apps.connections.open refused the app token: {error} (Slack:AppToken must be an app-level xapp- token with connections:write)")
            : new SlackSocketOpenResult.Retry($"apps.connections.open: {error}");
    }
}
