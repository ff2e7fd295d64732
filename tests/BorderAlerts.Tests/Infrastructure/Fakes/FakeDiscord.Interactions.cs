using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Interaction follow-ups (docs/platform-contracts.md §D4e): PATCH /webhooks/{application}/{token}/messages/@original edits the
/// deferred answer, POST /webhooks/{application}/{token} adds a follow-up. No bot token; the token must be one the test
/// issued with <see cref="IssueInteractionToken"/> and not expired (else 404 10062 Unknown interaction); bodies follow
/// the webhook message rules, and flags may only be SUPPRESS_EMBEDS, EPHEMERAL (follow-ups), SUPPRESS_NOTIFICATIONS
/// (follow-ups) and IS_COMPONENTS_V2.
/// </summary>
public sealed partial class FakeDiscord
{
    const int SuppressEmbeds = 1 << 2, Ephemeral = 1 << 6, SuppressNotifications = 1 << 12, ComponentsV2 = 1 << 15;
    readonly ConcurrentDictionary<string, InteractionState> _interactions = new(StringComparer.Ordinal);
    readonly Journal<InteractionReply> _replies = new();

    sealed class InteractionState(string originalId)
    {
        public string OriginalId { get; } = originalId;
        public volatile bool Expired;
    }

    /// <summary>Edits of @original and follow-ups, in arrival order.</summary>
    public IReadOnlyList<InteractionReply> InteractionReplies => _replies.Snapshot();

    /// <summary>A token as an interaction would carry, valid until <see cref="ExpireInteractionToken"/> (Discord: 15 minutes).</summary>
    public string IssueInteractionToken()
    {
        var id = _ids.Next();
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"interaction:{id}:{Guid.NewGuid():N}")).TrimEnd('=');
        _interactions[token] = new InteractionState(_ids.Next());
        return token;
    }

    /// <summary>From now on the token answers 10062, as after Discord's 15 minutes.</summary>
    public void ExpireInteractionToken(string token)
    {
        if (_interactions.TryGetValue(token, out var state)) state.Expired = true;
    }

    /// <summary>{ApiBase}/webhooks/{application}/{token}: the base of both follow-up routes.</summary>
    public Uri InteractionWebhookUrl(string token) => new($"{ApiBase}/webhooks/{ApplicationId}/{token}");

    public Task<IReadOnlyList<InteractionReply>> WaitForInteractionRepliesAsync(int count, TimeSpan timeout, Func<InteractionReply, bool>? where = null) =>
        _replies.WaitForAsync(count, timeout, where, Describe);

    void MapInteractionRoutes(WebApplication app)
    {
        app.MapPatch("/api/v10/webhooks/{app}/{token}/messages/@original", context => InteractionReplyAsync(context, original: true));
        // POST /webhooks/{app}/{token} has Execute Webhook's shape: the application id tells a follow-up from a webhook.
        app.Use(async (context, next) =>
        {
            var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (HttpMethods.IsPost(context.Request.Method) && segments is ["api", "v10", "webhooks", var id, var token] && id == ApplicationId)
            {
                context.Request.RouteValues["app"] = id;
                context.Request.RouteValues["token"] = token;
                await InteractionReplyAsync(context, original: false);
                return;
            }
            await next(context);
        });
    }

    async Task InteractionReplyAsync(HttpContext context, bool original)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        if ((string)context.Request.RouteValues["app"]! != ApplicationId || !_interactions.TryGetValue(token, out var state) || state.Expired)
        {
            await FakeReply.JsonAsync(context, 404, DiscordFault.Error(10062, "Unknown interaction"));
            return;
        }
        if (await ReadMessageAsync(context) is not { } body) return;
        var flags = body.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out var n) ? n : 0;
        var allowed = SuppressEmbeds | ComponentsV2 | (original ? 0 : Ephemeral | SuppressNotifications);
        if ((flags & ~allowed) != 0)
        {
            var errors = new FormErrors();
            errors.Add("flags", "MESSAGE_FLAGS_INVALID", $"Flags {flags & ~allowed} cannot be set {(original ? "when editing" : "on a follow-up")}");
            var problem = DiscordFault.Error(50035, "Invalid Form Body");
            problem["errors"] = errors.Tree;
            await RejectAsync(context, 400, problem, errors.Lines, body.GetRawText());
            return;
        }
        var message = ReceivedDiscordMessage.From(original ? state.OriginalId : _ids.Next(), "1200000000000000001", ApplicationId, null, null, body);
        _replies.Add(new InteractionReply(token, original, flags, message));
        await FakeReply.JsonAsync(context, 200, message.ToMessageObject(editedAt: original ? message.ReceivedAt : null));
    }
}

/// <summary>An edit of the deferred answer (<see cref="Original"/>) or a follow-up, with its flags (64 = ephemeral).</summary>
public sealed record InteractionReply(string Token, bool Original, int Flags, ReceivedDiscordMessage Message)
{
    public string? Content => Message.Content;

    public bool IsEphemeral => (Flags & 64) != 0;
}
