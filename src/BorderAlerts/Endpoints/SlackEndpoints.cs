using BorderAlerts.Settings;
using System.Text;
using System.Text.Json;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Commands;
using BorderAlerts.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints;

/// <summary>
/// POST /slack/commands and POST /slack/interactivity. The v0 HMAC signature over the raw body
/// (docs/platform-contracts.md §S2, five-minute window, constant-time comparison) is checked before the form is read: a
/// forged request gets 401 and reaches no command code, and so does a replay (the same signed request again, to any
/// instance sharing the store). A re-send Slack makes itself (<c>X-Slack-Retry-Num</c>, or the same trigger_id under a
/// fresh signature) is acknowledged and not run again, as in Socket Mode (<see cref="SlackRedeliveries"/>). A signed
/// interactivity payload that is not a JSON object is 400. A command answers inline within the budget, otherwise it
/// acknowledges ("Working on it…") and the answer replaces that through response_url. The "More results" button and
/// the buttons on cards are acknowledged at once and answered through response_url (a card's button privately, never
/// replacing the card).
/// </summary>
public static class SlackEndpoints
{
    public const int MaxBody = 64 * 1024;

    public static void MapSlackEndpoints(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<SlackSettings>>().Value;
        var services = app.Services; // the root provider: deferred work outlives the request and its scope
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var signature = new SlackSignature(settings.SigningSecret, clock);
        var replays = new ReplayGuard(app.Services.GetRequiredService<ISeenRequests>(), clock);
        app.MapPost("/slack/commands", async (HttpRequest request, CancellationToken ct) =>
        {
            var (form, refused) = await VerifiedFormAsync(request, signature, replays, ct);
            if (form is null) return refused!;
            if (!await replays.FirstTriggerAsync(form.GetValueOrDefault("trigger_id"), ct)) return Results.Ok(); // Slack's re-send: not run again
            return await CommandAsync(form, services, settings);
        });
        app.MapPost("/slack/interactivity", async (HttpRequest request, CancellationToken ct) =>
        {
            var (form, refused) = await VerifiedFormAsync(request, signature, replays, ct);
            if (form is null) return refused!;
            using var payload = Payload(form);
            if (payload is null) return Results.Text("not an interaction: payload is not a JSON object", statusCode: StatusCodes.Status400BadRequest);
            if (!await replays.FirstTriggerAsync(Text(payload.RootElement, "trigger_id"), ct)) return Results.Ok(); // Slack's re-send: not run again
            return Interaction(payload.RootElement, services, settings);
        });
    }

    /// <summary>
    /// The form if the request is Slack's, unaltered, fresh and not answered before; otherwise why not (401, 413, 503),
    /// or an empty 200 for Slack re-sending a request it already delivered.
    /// </summary>
    static async Task<(Dictionary<string, string>? Form, IResult? Refused)> VerifiedFormAsync(HttpRequest request, SlackSignature signature,
        ReplayGuard replays, CancellationToken ct)
    {
        if (!signature.Configured) return (null, Results.Problem("Slack:SigningSecret is not configured", statusCode: 503));
        if (await RawBody.ReadAsync(request, MaxBody, ct) is not { } body) return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        if (!signature.Verify(request.Headers["X-Slack-Signature"], timestamp, body))
            return (null, Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized));
        if (!await replays.FirstAsync("slack", timestamp, body, ct))
            return (null, request.Headers.ContainsKey("X-Slack-Retry-Num")
                ? Results.Ok() // acknowledged, not run again: the headers are not signed, so this can never run anything twice
                : Results.Text("replayed request: this signed request was already answered", statusCode: StatusCodes.Status401Unauthorized));
        return (QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString()), null);
    }

    /// <summary>The interactivity payload, or null when it is not a JSON object.</summary>
    static JsonDocument? Payload(Dictionary<string, string> form)
    {
        JsonDocument payload;
        try { payload = JsonDocument.Parse(form.GetValueOrDefault("payload") ?? "{}"); }
        catch (JsonException) { return null; }
        if (payload.RootElement.ValueKind == JsonValueKind.Object) return payload;
        payload.Dispose();
        return null;
    }

    static async Task<IResult> CommandAsync(Dictionary<string, string> form, IServiceProvider services, SlackSettings settings)
    {
        if (settings.TeamIds.Count > 0 && !settings.TeamIds.Contains(form.GetValueOrDefault("team_id") ?? ""))
            return Results.Json(SlackCommandReplies.Message(CommandReply.Error("This BorderAlerts serves other workspaces.")));
        var caller = Caller(form.GetValueOrDefault("user_id"), form.GetValueOrDefault("user_name"), settings);
        var request = SlackCommandParser.Parse(form.GetValueOrDefault("command") ?? "", form.GetValueOrDefault("text") ?? "", caller);
        var responseUrl = form.GetValueOrDefault("response_url");
        var reply = await services.GetRequiredService<DeferredReplies>().RunAsync(
            ct => services.GetRequiredService<CommandDispatcher>().HandleAsync(request, ct),
            (r, ct) => RespondAsync(services, responseUrl, SlackCommandReplies.Message(r, replaceOriginal: true), ct));
        return Results.Json(reply is not null ? SlackCommandReplies.Message(reply) : SlackCommandReplies.Message(new CommandReply("Working on it…")));
    }

    static IResult Interaction(JsonElement root, IServiceProvider services, SlackSettings settings)
    {
        var team = root.TryGetProperty("team", out var t) ? Text(t, "id") : null;
        if (settings.TeamIds.Count > 0 && !settings.TeamIds.Contains(team ?? "")) return Results.Ok(); // not ours to answer
        var responseUrl = Text(root, "response_url");
        var action = root.TryGetProperty("actions", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().FirstOrDefault() : default;
        var value = Text(action, "value");
        if (FeedbackButtons.Decode(value) is { } press)
        {
            var user = root.TryGetProperty("user", out var u) ? u : default;
            var caller = Caller(Text(user, "id"), Text(user, "username") ?? Text(user, "name"), settings);
            services.GetRequiredService<DeferredReplies>().RunInBackground(ct => services.GetRequiredService<FeedbackCommands>().PressAsync(press, caller, ct),
                (r, ct) => RespondAsync(services, responseUrl, SlackCommandReplies.Pressed(r, press), ct));
            return Results.Ok();
        }
        if (SearchPaging.Decode(value) is not { } next) return Results.Ok(); // nothing of ours; acknowledged
        services.GetRequiredService<DeferredReplies>().RunInBackground(ct => services.GetRequiredService<SearchCommands>().PageAsync(next, ct),
            (r, ct) => RespondAsync(services, responseUrl, SlackCommandReplies.Message(r, replaceOriginal: true), ct));
        return Results.Ok();
    }

    /// <summary>A string property of an object; null when either is something else.</summary>
    static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static Caller Caller(string? userId, string? userName, SlackSettings settings) =>
        new("slack", userId ?? "?", userName ?? "?", userId is not null && settings.AdminUserIds.Contains(userId));

    static async Task RespondAsync(IServiceProvider services, string? responseUrl, System.Text.Json.Nodes.JsonObject message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url)) return;
        var outcome = await services.GetRequiredService<SlackClient>().PostAsync(url, message, url.AbsolutePath, null, ct);
        if (outcome is not Core.Delivery.DeliveryOutcome.Delivered)
            services.GetRequiredService<ILogger<DeferredReplies>>().LogWarning("Slack refused an answer sent to response_url: {Outcome}", outcome);
    }
}
