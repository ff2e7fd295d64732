using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Execute Webhook and Edit Webhook Message (docs/platform-contracts.md §D1): order of checks is scripted fault, the webhook's
/// bucket, the webhook itself (404 10015 unknown or deleted, 401 50027 wrong token; its token is in the path, so a request
/// carrying an Authorization header is refused here as a leaked bot token), the query, then the body. An edit names a
/// message of this webhook, with thread_id when the message is in a thread (else 404 10008, as Discord answers).
/// </summary>
public sealed partial class FakeDiscord
{
    async Task ExecuteWebhookAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        if (!await PassLimitsAsync(context, $"webhook:{id}", WebhookBucket)) return;
        if (await FindWebhookAsync(context, id) is not { } hook) return;
        if (!TryQuery(context.Request, out var wait, out var threadId, out var queryError))
        {
            await RejectAsync(context, 400, QueryProblem(queryError), [queryError], "");
            return;
        }
        if (await ReadMessageAsync(context) is not { } body) return;

        var message = Record(ReceivedDiscordMessage.From(_ids.Next(), threadId ?? hook.ChannelId, hook.Id, threadId, null, body), context);
        if (wait) await FakeReply.JsonAsync(context, 200, message.ToMessageObject());
        else await FakeReply.EmptyAsync(context, 204);
    }

    async Task EditWebhookMessageAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        if (!await PassLimitsAsync(context, $"webhook:{id}", WebhookBucket)) return;
        if (await FindWebhookAsync(context, id) is not { } hook) return;
        var messageId = (string)context.Request.RouteValues["messageId"]!;
        if (!TryQuery(context.Request, out _, out var threadId, out var queryError))
        {
            await RejectAsync(context, 400, QueryProblem(queryError), [queryError], "");
            return;
        }
        if (!_byId.TryGetValue(messageId, out var original) || original.WebhookId != hook.Id || original.ThreadId != threadId)
        {
            await FakeReply.JsonAsync(context, 404, DiscordFault.Error(10008, "Unknown Message"));
            return;
        }
        if (await ReadMessageAsync(context) is not { } body) return;
        await RecordEditAsync(context, original, body);
    }

    /// <summary>The registered, live webhook with this token; otherwise answers 404 or 401 and returns null.</summary>
    async Task<Webhook?> FindWebhookAsync(HttpContext context, string id)
    {
        if (!_webhooks.TryGetValue(id, out var hook) || hook.Deleted)
        {
            await FakeReply.JsonAsync(context, 404, DiscordFault.Error(10015, "Unknown Webhook"));
            return null;
        }
        if (FakeHost.Header(context.Request, "Authorization") is not null)
        {
            await RejectAsync(context, 401, DiscordFault.Error(0, "401: Unauthorized"), ["an Authorization header on a webhook route (its token is in the path)"], "");
            return null;
        }
        if (hook.Token == (string)context.Request.RouteValues["token"]!) return hook;
        await RejectAsync(context, 401, DiscordFault.Error(50027, "Invalid Webhook Token"), ["token does not match the webhook"], "");
        return null;
    }

    /// <summary>wait (True/true/1, False/false/0) and thread_id (a snowflake), as Discord coerces query strings.</summary>
    static bool TryQuery(HttpRequest request, out bool wait, out string? threadId, out string error)
    {
        wait = false;
        threadId = null;
        error = "";
        var waitText = request.Query["wait"].ToString();
        if (waitText is "True" or "true" or "1") wait = true;
        else if (waitText is not ("" or "False" or "false" or "0"))
        {
            error = $"wait: Value \"{waitText}\" is not a valid boolean.";
            return false;
        }
        var thread = request.Query["thread_id"].ToString();
        if (thread.Length == 0) return true;
        if (!ulong.TryParse(thread, out _))
        {
            error = $"thread_id: Value \"{thread}\" is not snowflake.";
            return false;
        }
        threadId = thread;
        return true;
    }

    static System.Text.Json.Nodes.JsonObject QueryProblem(string error)
    {
        var errors = new FormErrors();
        var colon = error.IndexOf(':');
        errors.Add(error[..colon], error.StartsWith("wait", StringComparison.Ordinal) ? "BOOLEAN_TYPE_COERCE" : "NUMBER_TYPE_COERCE", error[(colon + 2)..]);
        var problem = DiscordFault.Error(50035, "Invalid Form Body");
        problem["errors"] = errors.Tree;
        return problem;
    }
}
