using System.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat;

/// <summary>
/// What both chat transports do around one request: JSON body, a time limit, and network failures and timeouts
/// as retryable outcomes. The platform's own function maps the answer. URLs never appear in the outcome (they carry tokens).
/// </summary>
public static class ChatHttp
{
    public static HttpRequestMessage Json(HttpMethod method, Uri url, JsonObject body) =>
        new(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    public static async Task<DeliveryOutcome> SendAsync(HttpClient client, HttpRequestMessage request, string platform, TimeSpan limit,
        Func<HttpResponseMessage, string, DeliveryOutcome> map, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            return map(response, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.Retryable($"{platform} did not answer within {limit.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome.Retryable($"{platform} unreachable: {e.HttpRequestError}");
        }
    }
}
