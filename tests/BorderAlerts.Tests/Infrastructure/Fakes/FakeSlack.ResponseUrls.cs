using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// response_url (docs/platform-contracts.md §S1): a URL issued per command that takes up to 5 JSON messages (then 404
/// used_url; unknown URLs 404 invalid_url). Bodies follow the message rules unless they only delete_original;
/// response_type is in_channel or ephemeral. Accepted posts answer <c>{"ok":true}</c> and are kept for assertions.
/// </summary>
public sealed partial class FakeSlack
{
    public const int ResponseUrlUses = 5;
    readonly ConcurrentDictionary<string, int> _responseUrls = new(StringComparer.Ordinal);
    readonly Journal<ResponseUrlPost> _responsePosts = new();
    int _responseUrlCount;

    /// <summary>Accepted response_url posts, in arrival order.</summary>
    public IReadOnlyList<ResponseUrlPost> ResponsePosts => _responsePosts.Snapshot();

    /// <summary>A fresh http://127.0.0.1:PORT/commands/T0FAKE/{n}/{secret}, good for <see cref="ResponseUrlUses"/> posts.</summary>
    public Uri ResponseUrl()
    {
        var path = $"T0FAKE/{Interlocked.Increment(ref _responseUrlCount)}/{Guid.NewGuid():N}";
        _responseUrls[path] = 0;
        return new Uri(_host.BaseAddress, "/commands/" + path);
    }

    public Task<IReadOnlyList<ResponseUrlPost>> WaitForResponsePostsAsync(int count, TimeSpan timeout, Func<ResponseUrlPost, bool>? where = null) =>
        _responsePosts.WaitForAsync(count, timeout, where, Describe);

    void MapResponseUrls(WebApplication app) => app.MapPost("/commands/{**path}", ResponseUrlAsync);

    async Task ResponseUrlAsync(HttpContext context)
    {
        var path = (string)context.Request.RouteValues["path"]!;
        if (!_responseUrls.TryGetValue(path, out _))
        {
            await FakeReply.JsonAsync(context, 404, SlackFault.Failure("invalid_url"));
            return;
        }
        var (json, raw) = FakeHost.IsJson(context.Request) ? await FakeHost.ReadJsonAsync(context.Request) : (null, "");
        if (ResponseRules(json, out var violations) is { } error)
        {
            RecordRejection(context, 400, error, violations, raw);
            await FakeReply.JsonAsync(context, 400, SlackFault.Failure(error));
            return;
        }
        var use = _responseUrls.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (use > ResponseUrlUses)
        {
            await FakeReply.JsonAsync(context, 404, SlackFault.Failure("used_url"));
            return;
        }
        _responsePosts.Add(new ResponseUrlPost(new Uri(_host.BaseAddress, "/commands/" + path), use, json!.Value));
        await FakeReply.JsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    static string? ResponseRules(JsonElement? json, out List<string> violations)
    {
        violations = [];
        if (json is not { ValueKind: JsonValueKind.Object } body)
        {
            violations.Add("body is not a JSON object sent as application/json");
            return "invalid_payload";
        }
        if (body.TryGetProperty("response_type", out var type) && type.GetString() is not ("in_channel" or "ephemeral"))
        {
            violations.Add($"response_type {type} is not in_channel or ephemeral");
            return "invalid_payload";
        }
        var deleteOnly = body.TryGetProperty("delete_original", out var delete) && delete.ValueKind == JsonValueKind.True;
        return deleteOnly ? null : SlackMessageRules.Check(body, out violations);
    }
}

/// <summary>One accepted response_url post: the URL, which use of it this was (1–5), and the message.</summary>
public sealed record ResponseUrlPost(Uri Url, int Use, JsonElement Json)
{
    public string? Text => ReceivedSlackMessage.StringOf(Json, "text");

    public string? ResponseType => ReceivedSlackMessage.StringOf(Json, "response_type");
}
