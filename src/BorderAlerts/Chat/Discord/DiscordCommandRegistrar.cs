using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Discord;

/// <summary>Where commands are registered: the API base, the application, and the bot token that may change its commands.</summary>
public sealed record DiscordApp(Uri ApiBase, string ApplicationId, string BotToken)
{
    public override string ToString() => $"application {ApplicationId}"; // never the token
}

/// <summary>What a bulk overwrite came to: the commands Discord now has, or Discord's own words for why not.</summary>
public sealed record DiscordRegistration(bool Ok, string Detail, JsonArray Registered);

/// <summary>
/// One bulk overwrite of an application's commands, global or for one guild (docs/platform-contracts.md §D5), over the Discord
/// HTTP client. Errors carry Discord's status, message and code, and each field error of a 50035; never the token.
/// </summary>
public sealed class DiscordCommandRegistrar(IHttpClientFactory clients)
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public async Task<DiscordRegistration> OverwriteAsync(DiscordApp app, string? guildId, JsonArray commands, CancellationToken cancellationToken)
    {
        var path = guildId is null ? $"applications/{app.ApplicationId}/commands" : $"applications/{app.ApplicationId}/guilds/{guildId}/commands";
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(app.ApiBase.ToString().TrimEnd('/') + "/" + path))
        {
            Content = new StringContent(commands.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd(DiscordClient.UserAgent);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", app.BotToken);
        DiscordRegistration? answer = null;
        var outcome = await ChatHttp.SendAsync(clients.CreateClient(DiscordClient.ClientName), request, "Discord", Limit, (response, text) =>
        {
            var mapped = DiscordResponses.Map(response.StatusCode, response.Headers, text);
            answer = mapped is DeliveryOutcome.Delivered ? Registered(text) : new(false, Explain(mapped, text, commands), []);
            return mapped;
        }, cancellationToken);
        return answer ?? new(false, Explain(outcome, "", commands), []);
    }

    static DiscordRegistration Registered(string text) =>
        JsonNode.Parse(text) is JsonArray registered ? new(true, "", registered) : new(false, "Discord answered without the command list", []);

    static string Explain(DeliveryOutcome outcome, string text, JsonArray sent)
    {
        var detail = outcome switch
        {
            DeliveryOutcome.RateLimited limited => $"Discord rate limit: retry in {limited.RetryAfter.TotalSeconds:0.#} s",
            DeliveryOutcome.Permanent p => p.Error,
            DeliveryOutcome.Retryable r => r.Error,
            _ => outcome.ToString(),
        };
        var fields = FieldErrors(text, sent);
        return fields.Count == 0 ? detail : detail + Environment.NewLine + string.Join(Environment.NewLine, fields.Select(f => "  " + f));
    }

    /// <summary>A 50035's nested "errors" as lines, with the leading command index replaced by the command's name.</summary>
    static List<string> FieldErrors(string text, JsonArray sent)
    {
        var lines = new List<string>();
        try
        {
            if (JsonNode.Parse(text) is JsonObject { } body && body["errors"] is JsonObject errors) Walk(errors, "", lines, sent);
        }
        catch (JsonException) { }
        return lines;
    }

    static void Walk(JsonObject node, string path, List<string> lines, JsonArray sent)
    {
        foreach (var (key, value) in node)
        {
            if (key == "_errors" && value is JsonArray list)
            {
                foreach (var error in list.OfType<JsonObject>())
                    lines.Add($"{(path.Length == 0 ? "(body)" : path)}: {error["message"]} ({error["code"]})");
                continue;
            }
            var segment = path.Length == 0 && int.TryParse(key, out var i) && i < sent.Count ? $"/{sent[i]?["name"]}" : key;
            if (value is JsonObject child) Walk(child, path.Length == 0 ? segment : $"{path}.{segment}", lines, sent);
        }
    }
}
