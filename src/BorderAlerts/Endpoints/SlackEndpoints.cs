using System.Text;
using System.Text.Json;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Commands;
using BorderAlerts.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints;

/// <summary>
/// POST /slack/commands and POST /slack/interactivity. The v0 HMAC signature over the raw body (S2, five-minute window,
/// constant-time comparison) is checked before the form is read: a forged request gets 401 and reaches no command code.
/// A command answers inline within the budget, otherwise it acknowledges ("Working on it…") and the answer replaces
/// that through response_url. The "More results" button is acknowledged at once and answered through response_url.
/// </summary>
public static class SlackEndpoints
{
    public const int MaxBody = 64 * 1024;

    public static void MapSlackEndpoints(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<BorderAlertsOptions>>().Value.Slack;
        var services = app.Services; // the root provider: deferred work outlives the request and its scope
        var signature = new SlackSignature(settings.SigningSecret, app.Services.GetRequiredService<TimeProvider>());
        app.MapPost("/slack/commands", async (HttpRequest request, CancellationToken ct) =>
        {
            var (form, refused) = await VerifiedFormAsync(request, signature, ct);
            return form is null ? refused! : await CommandAsync(form, services, settings);
        });
        app.MapPost("/slack/interactivity", async (HttpRequest request, CancellationToken ct) =>
        {
            var (form, refused) = await VerifiedFormAsync(request, signature, ct);
            return form is null ? refused! : Interaction(form, services);
        });
    }

    /// <summary>The form if the request is Slack's, unaltered and fresh; otherwise why not (401, 413, 503).</summary>
    static async Task<(Dictionary<string, string>? Form, IResult? Refused)> VerifiedFormAsync(HttpRequest request, SlackSignature signature, CancellationToken ct)
    {
        IResult? refused = null;
        Dictionary<string, string>? form = null;
        if (!signature.Configured) refused = Results.Problem("Slack:SigningSecret is not configured", statusCode: 503);
        else if (await RawBody.ReadAsync(request, MaxBody, ct) is not { } body) refused = Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        else if (!signature.Verify(request.Headers["X-Slack-Signature"], request.Headers["X-Slack-Request-Timestamp"], body))
            refused = Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        else form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString());
        return (form, refused);
    }

    static async Task<IResult> CommandAsync(Dictionary<string, string> form, IServiceProvider services, SlackOptions settings)
    {
        var caller = Caller(form.GetValueOrDefault("user_id"), form.GetValueOrDefault("user_name"), settings);
        var request = SlackCommandParser.Parse(form.GetValueOrDefault("command") ?? "", form.GetValueOrDefault("text") ?? "", caller);
        var responseUrl = form.GetValueOrDefault("response_url");
        var reply = await services.GetRequiredService<DeferredReplies>().RunAsync(
            ct => services.GetRequiredService<CommandDispatcher>().HandleAsync(request, ct),
            (r, ct) => RespondAsync(services, responseUrl, SlackCommandReplies.Message(r, replaceOriginal: true), ct));
        return Results.Json(reply is not null ? SlackCommandReplies.Message(reply) : SlackCommandReplies.Message(new CommandReply("Working on it…")));
    }

    static IResult Interaction(Dictionary<string, string> form, IServiceProvider services)
    {
        using var payload = JsonDocument.Parse(form.GetValueOrDefault("payload") ?? "{}");
        var root = payload.RootElement;
        var responseUrl = root.TryGetProperty("response_url", out var u) ? u.GetString() : null;
        var action = root.TryGetProperty("actions", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().FirstOrDefault() : default;
        var value = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("value", out var v) ? v.GetString() : null;
        if (SearchPaging.Decode(value) is not { } next) return Results.Ok(); // nothing of ours; acknowledged
        services.GetRequiredService<DeferredReplies>().RunInBackground(ct => services.GetRequiredService<SearchCommands>().PageAsync(next, ct),
            (r, ct) => RespondAsync(services, responseUrl, SlackCommandReplies.Message(r, replaceOriginal: true), ct));
        return Results.Ok();
    }

    static Caller Caller(string? userId, string? userName, SlackOptions settings) =>
        new("slack", userId ?? "?", userName ?? "?", userId is not null && settings.AdminUserIds.Contains(userId));

    static async Task RespondAsync(IServiceProvider services, string? responseUrl, System.Text.Json.Nodes.JsonObject message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url)) return;
        var outcome = await services.GetRequiredService<SlackClient>().PostAsync(url, message, "response_url", null, ct);
        if (outcome is not Core.Delivery.DeliveryOutcome.Delivered)
            services.GetRequiredService<ILogger<DeferredReplies>>().LogWarning("Slack refused an answer sent to response_url: {Outcome}", outcome);
    }
}
