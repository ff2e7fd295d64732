using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Bulk overwrite of application commands (docs/platform-contracts.md §D5): PUT /applications/{app}/commands (global) and
/// /applications/{app}/guilds/{guild}/commands. Checks in order: User-Agent, Bot token (401), application id (403
/// 50001), scripted fault and bucket, body (<see cref="DiscordCommandRules"/>, 400 50035; over 100 commands 30032).
/// What was registered replaces the scope's set and is answered with ids, as Discord does.
/// </summary>
public sealed partial class FakeDiscord
{
    const string CommandsBucket = "9c5e1a7b3d2f4e6a8b0c1d2e3f4a5b6c";
    readonly ConcurrentDictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    readonly Journal<CommandOverwrite> _overwrites = new();

    /// <summary>The application whose commands may be changed (and whose interaction follow-ups this fake answers).</summary>
    public string ApplicationId { get; set; } = "1100000000000000001";

    /// <summary>Every accepted bulk overwrite, in order; <see cref="CommandOverwrite.GuildId"/> is null for global ones.</summary>
    public IReadOnlyList<CommandOverwrite> CommandOverwrites => _overwrites.Snapshot();

    /// <summary>The commands registered now, globally or in one guild, as Discord answers them (with ids).</summary>
    public IReadOnlyList<JsonElement> RegisteredCommands(string? guildId = null) =>
        _commands.TryGetValue(guildId ?? "", out var set) ? [.. JsonDocument.Parse(set.ToJsonString()).RootElement.EnumerateArray()] : [];

    void MapCommandRoutes(WebApplication app)
    {
        app.MapPut("/api/v10/applications/{app}/commands", context => OverwriteCommandsAsync(context, null));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands",
            context => OverwriteCommandsAsync(context, (string)context.Request.RouteValues["guild"]!));
        MapInteractionRoutes(app);
    }

    async Task OverwriteCommandsAsync(HttpContext context, string? guildId)
    {
        var app = (string)context.Request.RouteValues["app"]!;
        if (!await PassBotAuthAsync(context)) return;
        if (app != ApplicationId)
        {
            await FakeReply.JsonAsync(context, 403, DiscordFault.Error(50001, "Missing Access"));
            return;
        }
        if (!await PassLimitsAsync(context, $"commands:{app}:{guildId}", CommandsBucket)) return;
        var (json, raw) = FakeHost.IsJson(context.Request) ? await FakeHost.ReadJsonAsync(context.Request) : (null, "");
        if (json is not { } body)
        {
            await RejectAsync(context, 400, DiscordFault.Error(50109, "The request body contains invalid JSON."), ["body is not JSON"], raw);
            return;
        }
        if (body.ValueKind == JsonValueKind.Array && body.GetArrayLength() > DiscordCommandRules.MaxCommands)
        {
            await RejectAsync(context, 400, DiscordFault.Error(30032, "Maximum number of application commands reached (100)"), ["over 100 commands"], raw);
            return;
        }
        var errors = DiscordCommandRules.Validate(body);
        if (errors.Any)
        {
            var problem = DiscordFault.Error(50035, "Invalid Form Body");
            problem["errors"] = errors.Tree;
            await RejectAsync(context, 400, problem, errors.Lines, raw);
            return;
        }
        var registered = new JsonArray([.. body.EnumerateArray().Select(c => Registered(c, guildId))]);
        _commands[guildId ?? ""] = registered;
        _overwrites.Add(new CommandOverwrite(guildId, body));
        await FakeReply.JsonAsync(context, 200, registered.DeepClone());
    }

    /// <summary>User-Agent (Cloudflare 40333) and Bot token (401); false when the request has been answered.</summary>
    async Task<bool> PassBotAuthAsync(HttpContext context)
    {
        var userAgent = FakeHost.Header(context.Request, "User-Agent");
        if (userAgent is null || !userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            await RejectAsync(context, 400, DiscordFault.Error(40333, "Cloudflare is blocking your request (User-Agent must be \"DiscordBot ($url, $version)\")"),
                [$"User-Agent: {userAgent ?? "(none)"}"], "");
            return false;
        }
        if (FakeHost.Header(context.Request, "Authorization") == $"Bot {BotToken}") return true;
        await RejectAsync(context, 401, DiscordFault.Error(0, "401: Unauthorized"), ["Authorization is not \"Bot <token>\" with the configured token"], "");
        return false;
    }

    JsonObject Registered(JsonElement command, string? guildId)
    {
        var json = JsonNode.Parse(command.GetRawText())!.AsObject();
        json["id"] = _ids.Next();
        json["application_id"] = ApplicationId;
        json["version"] = _ids.Next();
        json["type"] ??= 1;
        json["default_member_permissions"] ??= null;
        if (guildId is not null) json["guild_id"] = guildId;
        return json;
    }
}

/// <summary>One accepted bulk overwrite: the guild (null for global) and the body as sent.</summary>
public sealed record CommandOverwrite(string? GuildId, JsonElement Commands);
