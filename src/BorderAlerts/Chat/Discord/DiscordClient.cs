using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// The one Discord transport: JSON over HTTP with Discord's User-Agent, paced by the bucket headers, every response
/// mapped by <see cref="DiscordResponses.Map"/>. Webhook URLs and tokens never appear in errors or logs.
/// </summary>
public sealed class DiscordClient(IHttpClientFactory clients, DiscordRateLimiter limiter, DeliveryOptions options)
{
    public const string ClientName = "discord";
    public const string UserAgent = "DiscordBot (https://github.com/borderalerts/borderalerts, 1.0)";

    public Task<DeliveryOutcome> SendAsync(HttpMethod method, Uri url, JsonObject body, string bucket, string? botToken, CancellationToken cancellationToken) =>
        SendAsync(() => ChatHttp.Json(method, url, body), bucket, botToken, cancellationToken);

    /// <summary>A message with a file: POST as multipart/form-data (<see cref="DiscordReports.Multipart"/>), paced and mapped like any other.</summary>
    public Task<DeliveryOutcome> SendWithFileAsync(Uri url, JsonObject payload, ReportImage image, string bucket, string? botToken,
        CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = DiscordReports.Multipart(payload, image) }, bucket, botToken, cancellationToken);

    async Task<DeliveryOutcome> SendAsync(Func<HttpRequestMessage> build, string bucket, string? botToken, CancellationToken cancellationToken)
    {
        if (await limiter.WaitAsync(bucket, cancellationToken) is { } ahead && ahead > TimeSpan.Zero)
            return new DeliveryOutcome.RateLimited(ahead); // still paused by an earlier 429: retried by the delivery pass, not waited for here
        using var request = build();
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (botToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", botToken);
        return await ChatHttp.SendAsync(clients.CreateClient(ClientName), request, "Discord", options.Timeout, (response, text) =>
        {
            limiter.Update(bucket, response.Headers);
            var outcome = DiscordResponses.Map(response.StatusCode, response.Headers, text);
            if (outcome is DeliveryOutcome.RateLimited limited) limiter.Block(bucket, limited.RetryAfter);
            return outcome;
        }, cancellationToken);
    }
}
