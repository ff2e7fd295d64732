using System.Text.Json;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Hosting;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints;

/// <summary>
/// POST /interactions/discord. Every request's Ed25519 signature is checked over the raw body before anything reads
/// it: a missing or bad signature is 401 and never reaches command code. PING is answered with PONG, which is what
/// Discord needs to accept the endpoint URL. Slash commands arrive with the commands work; until then a command gets an
/// ephemeral answer saying so.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    public const int MaxBody = 64 * 1024;

    public static void MapDiscordInteractions(this WebApplication app)
    {
        var signature = new DiscordSignature(app.Services.GetRequiredService<IOptions<BorderAlertsOptions>>().Value.Discord.PublicKey);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.MapPost("/interactions/discord", async (HttpRequest request, CancellationToken ct) =>
        {
            if (!signature.Configured) return Results.Problem("Discord:PublicKey is not configured", statusCode: 503);
            var body = await RawBody.ReadAsync(request, MaxBody, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
            if (!Fresh(timestamp, clock) || !signature.Verify(request.Headers["X-Signature-Ed25519"], timestamp, body))
                return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
            return Answer(body);
        });
    }

    /// <summary>A signed request older or newer than five minutes is a replay.</summary>
    static bool Fresh(string timestamp, TimeProvider clock) =>
        long.TryParse(timestamp, out var seconds) && Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) <= 300;

    static IResult Answer(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == 1
                ? Results.Json(new { type = 1 })
                : Results.Json(new { type = 4, data = new { flags = 64, content = "BorderAlerts received the command, but slash commands are not enabled in this version yet." } });
        }
        catch (JsonException) { return Results.BadRequest(); }
    }
}
