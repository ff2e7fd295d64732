using BorderAlerts.Settings;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Commands;
using BorderAlerts.Core.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints;

/// <summary>
/// POST /interactions/discord. Every request's Ed25519 signature is checked over the raw body before anything reads
/// it: a missing or bad signature, a timestamp outside five minutes, or a request already answered (a replay, to any
/// instance sharing the store) is 401 and never reaches command code. A signed body that is not an interaction is 400. PING is
/// answered with PONG; commands, the "More results" button and the buttons on cards (who pressed is read from the
/// signed interaction, like a command's caller) answer inline within the budget, or are deferred
/// (type 5 / 6) and finished by editing the original response through the interaction's webhook.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    public const int MaxBody = 64 * 1024;
    const int Ping = 1, Command = 2, Component = 3, Autocomplete = 4;

    public static void MapDiscordInteractions(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<DiscordSettings>>().Value;
        var services = app.Services; // the root provider: deferred work outlives the request and its scope
        var signature = new DiscordSignature(settings.PublicKey);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var replays = new ReplayGuard(app.Services.GetRequiredService<ISeenRequests>(), clock);
        app.MapPost("/interactions/discord", async (HttpRequest request, CancellationToken ct) =>
        {
            if (!signature.Configured) return Results.Problem("Discord:PublicKey is not configured", statusCode: 503);
            var body = await RawBody.ReadAsync(request, MaxBody, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
            if (!Fresh(timestamp, clock) || !signature.Verify(request.Headers["X-Signature-Ed25519"], timestamp, body))
                return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
            if (!await replays.FirstAsync("discord", timestamp, body, ct))
                return Results.Text("replayed request: this signed request was already answered", statusCode: StatusCodes.Status401Unauthorized);
            JsonDocument json;
            try { json = JsonDocument.Parse(body); }
            catch (JsonException) { return Results.BadRequest("invalid JSON body"); }
            using (json)
                return NotAnInteraction(json.RootElement) is { } why
                    ? Results.Text($"not an interaction: {why}", statusCode: StatusCodes.Status400BadRequest)
                    : await AnswerAsync(json.RootElement.Clone(), services, settings);
        });
    }

    /// <summary>The top-level fields the endpoint reads, with the kind each must have when present (null is allowed).</summary>
    static readonly (string Name, JsonValueKind Kind)[] Fields =
    [
        ("id", JsonValueKind.String), ("application_id", JsonValueKind.String), ("token", JsonValueKind.String),
        ("guild_id", JsonValueKind.String), ("data", JsonValueKind.Object), ("member", JsonValueKind.Object), ("user", JsonValueKind.Object),
    ];

    /// <summary>Why a signed body cannot be an interaction (not an object, no integer type, a field of the wrong kind), or null.</summary>
    static string? NotAnInteraction(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Number || !type.TryGetInt32(out _)) return "\"type\" is not an integer";
        foreach (var (name, kind) in Fields)
            if (root.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null && value.ValueKind != kind)
                return $"\"{name}\" is not a JSON {kind.ToString().ToLowerInvariant()}";
        return null;
    }

    /// <summary>A signed request older or newer than five minutes is a replay.</summary>
    static bool Fresh(string timestamp, TimeProvider clock) =>
        long.TryParse(timestamp, out var seconds) && Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) <= 300;

    static async Task<IResult> AnswerAsync(JsonElement interaction, IServiceProvider services, DiscordSettings settings)
    {
        var type = interaction.GetProperty("type").GetInt32();
        if (type == Ping) return Results.Json(new { type = 1 });
        if (type == Autocomplete) return Results.Json(new { type = 8, data = new { choices = Array.Empty<object>() } });
        if (!DiscordCommandParser.Served(interaction, settings.GuildIds))
            return Results.Json(Respond(4, DiscordCommandReplies.Message(CommandReply.Error("This BorderAlerts serves other servers."))));
        if (type is not (Command or Component) || !interaction.TryGetProperty("data", out _))
            return Results.Json(Respond(4, DiscordCommandReplies.Message(CommandReply.Error("BorderAlerts does not handle this kind of interaction."))));
        var press = type == Component ? FeedbackButtons.Decode(PressedId(interaction)) : null;
        Func<CancellationToken, Task<CommandReply>> work = type == Command
            ? ct => services.GetRequiredService<CommandDispatcher>().HandleAsync(DiscordCommandParser.Command(interaction, settings.AdminRoleIds, settings.GuildIds), ct)
            : press is not null
                ? ct => services.GetRequiredService<FeedbackCommands>().PressAsync(press, DiscordCommandParser.Caller(interaction, settings.AdminRoleIds, settings.GuildIds), ct)
                : ct => MoreAsync(interaction, services, ct);
        // A command or a card's button answers in a new private message; "More results" and "Relevant after all" replace the message they are on.
        var answerApart = type == Command || press is { Action: not FeedbackAction.Relevant };
        var reply = await services.GetRequiredService<DeferredReplies>().RunAsync(work, (r, ct) => EditOriginalAsync(interaction, r, services, settings, ct));
        return reply is not null
            ? Results.Json(answerApart ? Respond(4, DiscordCommandReplies.Message(reply)) : Respond(7, Unflagged(reply)))
            : Results.Json(answerApart ? Respond(5, new JsonObject { ["flags"] = 64 }) : new JsonObject { ["type"] = 6 });
    }

    /// <summary>A button's custom_id; for a card's select menu, the option chosen (its value is a button id).</summary>
    static string? PressedId(JsonElement interaction)
    {
        var data = interaction.GetProperty("data");
        if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            return values[0].ValueKind == JsonValueKind.String ? values[0].GetString() : null;
        return data.TryGetProperty("custom_id", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
    }

    static Task<CommandReply> MoreAsync(JsonElement interaction, IServiceProvider services, CancellationToken ct)
    {
        var id = interaction.GetProperty("data").TryGetProperty("custom_id", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return SearchPaging.Decode(id) is { } next
            ? services.GetRequiredService<SearchCommands>().PageAsync(next, ct)
            : Task.FromResult(CommandReply.Error("That button has expired; run /search again."));
    }

    /// <summary>An edit keeps the message's ephemeral state; Discord refuses flags on edits.</summary>
    static JsonObject Unflagged(CommandReply reply)
    {
        var message = DiscordCommandReplies.Message(reply);
        message.Remove("flags");
        return message;
    }

    static JsonObject Respond(int type, JsonObject data) => new() { ["type"] = type, ["data"] = data };

    /// <summary>
    /// PATCH /webhooks/{application}/{token}/messages/@original (docs/platform-contracts.md §D4e): no bot token; the
    /// URL is never logged.
    /// </summary>
    static async Task EditOriginalAsync(JsonElement interaction, CommandReply reply, IServiceProvider services, DiscordSettings settings, CancellationToken ct)
    {
        var application = interaction.GetProperty("application_id").GetString();
        var token = interaction.GetProperty("token").GetString();
        var url = new Uri($"{settings.ApiBaseUrl.TrimEnd('/')}/webhooks/{application}/{token}/messages/@original");
        var outcome = await services.GetRequiredService<DiscordClient>().SendAsync(HttpMethod.Patch, url, Unflagged(reply),
            $"interaction:{application}", null, ct);
        if (outcome is not Core.Delivery.DeliveryOutcome.Delivered)
            services.GetRequiredService<ILogger<DeferredReplies>>().LogWarning("Discord refused a deferred answer: {Outcome}", outcome);
    }
}
