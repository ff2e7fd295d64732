using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// The one Discord transport: JSON over HTTP with Discord's User-Agent, paced by the bucket headers, every response
/// mapped by <see cref="DiscordResponses.Map"/>. Webhook URLs and tokens never appear in errors or logs.
/// </summary>
public sealed class DiscordClient(IHttpClientFactory clients, DiscordRateLimiter limiter)
{
    public const string ClientName = "discord";
    const string UserAgent = "DiscordBot (https://github.com/borderalerts/borderalerts, 1.0)";

    public async Task<DeliveryOutcome> SendAsync(HttpMethod method, Uri url, JsonObject body, string bucket, string? botToken, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(bucket, cancellationToken);
        using var request = new HttpRequestMessage(method, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (botToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", botToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            limiter.Update(bucket, response.Headers);
            var outcome = DiscordResponses.Map(response.StatusCode, response.Headers, text);
            if (outcome is DeliveryOutcome.RateLimited limited) limiter.Block(bucket, limited.RetryAfter, limited.Global);
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.Retryable("Discord did not answer within 20 s");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome.Retryable($"Discord unreachable: {e.HttpRequestError}");
        }
    }
}
