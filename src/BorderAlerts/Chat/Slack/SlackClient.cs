using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// The one Slack transport: posts JSON, at most one message per second per channel (Slack's posting limit), waits as
/// long as a 429's Retry-After says, and maps every answer with <see cref="SlackResponses.Map"/>. Tokens and webhook
/// URLs never appear in errors or logs.
/// </summary>
public sealed class SlackClient(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "slack";
    static readonly TimeSpan PerChannel = TimeSpan.FromSeconds(1.05);
    readonly ConcurrentDictionary<string, DateTimeOffset> _nextAllowed = new();

    public async Task<DeliveryOutcome> PostAsync(Uri url, JsonObject body, string pacingKey, string? token, CancellationToken cancellationToken)
    {
        var wait = _nextAllowed.GetValueOrDefault(pacingKey) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var outcome = SlackResponses.Map(response.StatusCode, response.Headers, text);
            var pause = outcome is DeliveryOutcome.RateLimited limited ? limited.RetryAfter : PerChannel;
            _nextAllowed[pacingKey] = clock.GetUtcNow() + pause;
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.Retryable("Slack did not answer within 20 s");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome.Retryable($"Slack unreachable: {e.HttpRequestError}");
        }
    }
}
