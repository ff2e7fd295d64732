using System.Text;
using System.Text.Json.Nodes;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Posts a late answer to a command's response_url (docs/platform-contracts.md §S1: JSON, up to 5 times within 30 minutes).
/// The URL is a capability, like a webhook's: it is never logged.
/// </summary>
public sealed class SlackResponseUrl(IHttpClientFactory clients, ILogger<SlackResponseUrl> logger)
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public async Task<bool> PostAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            logger.LogWarning("Slack answer dropped: the command carried no usable response_url");
            return false;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json") };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            using var response = await clients.CreateClient(SlackClient.ClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode) return true;
            logger.LogWarning("Slack refused a response_url answer: HTTP {Status} {Body}", (int)response.StatusCode,
                Clip(await response.Content.ReadAsStringAsync(timeout.Token)));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Slack response_url unreachable: {Error}", e is HttpRequestException h ? h.HttpRequestError.ToString() : "timeout");
        }
        return false;
    }

    static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
