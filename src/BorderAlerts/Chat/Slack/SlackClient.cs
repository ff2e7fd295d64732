using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// The one Slack transport: posts JSON, at most one message per second per channel (Slack's posting limit), waits as
/// long as a 429's Retry-After says, and maps every answer with <see cref="SlackResponses.Map"/>. Tokens and webhook
/// URLs never appear in errors or logs.
/// </summary>
public sealed class SlackClient(IHttpClientFactory clients, TimeProvider clock, DeliveryOptions options)
{
    public const string ClientName = "slack";
    static readonly TimeSpan PerChannel = TimeSpan.FromSeconds(1.05);
    readonly ConcurrentDictionary<string, DateTimeOffset> _nextAllowed = new();

    public async Task<DeliveryOutcome> PostAsync(Uri url, JsonObject body, string pacingKey, string? token, CancellationToken cancellationToken) =>
        (await CallAsync(() => ChatHttp.Json(HttpMethod.Post, url, body), pacingKey, token, cancellationToken)).Outcome;

    /// <summary>Any Web API call (a form, a file's bytes), paced and mapped like a post; the answer's body too, for calls that return data.</summary>
    /// <param name="map">How to read the answer: the Web API's (<see cref="SlackResponses.Map"/>) unless given.</param>
    public async Task<(DeliveryOutcome Outcome, string Body)> CallAsync(Func<HttpRequestMessage> build, string pacingKey, string? token,
        CancellationToken cancellationToken, Func<HttpResponseMessage, string, DeliveryOutcome>? map = null)
    {
        map ??= (response, text) => SlackResponses.Map(response.StatusCode, response.Headers, text);
        var wait = _nextAllowed.GetValueOrDefault(pacingKey) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        using var request = build();
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = "";
        var outcome = await ChatHttp.SendAsync(clients.CreateClient(ClientName), request, "Slack", options.Timeout,
            (response, text) => map(response, answer = text), cancellationToken);
        _nextAllowed[pacingKey] = clock.GetUtcNow() + (outcome is DeliveryOutcome.RateLimited limited ? limited.RetryAfter : PerChannel);
        return (outcome, answer);
    }
}
