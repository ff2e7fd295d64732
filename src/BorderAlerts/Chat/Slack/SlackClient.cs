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

    public async Task<DeliveryOutcome> PostAsync(Uri url, JsonObject body, string pacingKey, string? token, CancellationToken cancellationToken)
    {
        var wait = _nextAllowed.GetValueOrDefault(pacingKey) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        using var request = ChatHttp.Json(HttpMethod.Post, url, body);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var outcome = await ChatHttp.SendAsync(clients.CreateClient(ClientName), request, "Slack", options.Timeout,
            (response, text) => SlackResponses.Map(response.StatusCode, response.Headers, text), cancellationToken);
        _nextAllowed[pacingKey] = clock.GetUtcNow() + (outcome is DeliveryOutcome.RateLimited limited ? limited.RetryAfter : PerChannel);
        return outcome;
    }
}
