using BorderAlerts.Commands;
using BorderAlerts.Settings;
using System.Text.Json.Nodes;
using BorderAlerts.Chat.Slack;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints;

/// <summary>Slack Socket Mode reaches the same dispatcher as the HTTP endpoints: commands answer in the ack, buttons via response_url.</summary>
public static class SocketModeCommands
{
    public static SlackSocketHandlers Handlers(IServiceProvider services)
    {
        var slack = services.GetRequiredService<IOptions<SlackSettings>>().Value;
        var admins = slack.AdminUserIds;
        return new SlackSocketHandlers(
            async (envelope, ct) =>
            {
                if (slack.TeamIds.Count > 0 && !slack.TeamIds.Contains(envelope.TeamId))
                    return SlackCommandReplies.Message(CommandReply.Error("This BorderAlerts serves other workspaces."));
                var caller = new Caller("slack", envelope.UserId, envelope.UserName ?? "?", admins.Contains(envelope.UserId));
                var request = SlackCommandParser.Parse(envelope.Command, envelope.Text, caller);
                return SlackCommandReplies.Message(await services.GetRequiredService<CommandDispatcher>().HandleAsync(request, ct));
            },
            async (payload, ct) =>
            {
                var value = (payload["actions"] as JsonArray)?.FirstOrDefault()?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (payload["response_url"] is not JsonValue u || !u.TryGetValue<string>(out var url)) return;
                if (slack.TeamIds.Count > 0 && !slack.TeamIds.Contains(Text(payload["team"]?["id"]) ?? "")) return; // not ours to answer
                if (FeedbackButtons.Decode(value) is { } press)
                {
                    var user = payload["user"] as JsonObject;
                    var id = Text(user?["id"]) ?? "?";
                    var caller = new Caller("slack", id, Text(user?["username"]) ?? Text(user?["name"]) ?? "?", admins.Contains(id));
                    var pressed = await services.GetRequiredService<FeedbackCommands>().PressAsync(press, caller, ct);
                    await services.GetRequiredService<SlackResponseUrl>().PostAsync(url, SlackCommandReplies.Pressed(pressed, press), ct);
                    return;
                }
                if (SearchPaging.Decode(value) is not { } next) return;
                var reply = await services.GetRequiredService<SearchCommands>().PageAsync(next, ct);
                await services.GetRequiredService<SlackResponseUrl>().PostAsync(url, SlackCommandReplies.Message(reply, replaceOriginal: true), ct);
            });
    }

    static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
