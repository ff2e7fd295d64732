using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// The Web API's file upload flow (files.upload is retired): files.getUploadURLExternal (bot token; form fields filename
/// and length, at most <see cref="MaxFileBytes"/>) answers an upload_url on this server and a file_id; the bytes posted
/// there must be exactly the length announced (a multipart file or the raw body; no token); files.completeUploadExternal
/// (bot token; files as JSON [{id, title}] of uploaded files, channel_id a channel the bot is in, blocks checked by the
/// message rules) shares them, which is recorded as a message with its <see cref="ReceivedSlackMessage.Files"/>.
/// </summary>
public sealed partial class FakeSlack
{
    sealed record PendingFile(string Name, long Length) { public byte[]? Bytes; }

    readonly ConcurrentDictionary<string, PendingFile> _files = new(StringComparer.Ordinal);
    int _fileCount;

    /// <summary>Slack's largest file.</summary>
    public long MaxFileBytes { get; set; } = 1024L * 1024 * 1024;

    void MapFileRoutes(WebApplication app)
    {
        app.MapPost("/api/files.getUploadURLExternal", GetUploadUrlAsync);
        app.MapPost("/upload/{fileId}", UploadAsync);
        app.MapPost("/api/files.completeUploadExternal", CompleteUploadAsync);
    }

    async Task GetUploadUrlAsync(HttpContext context)
    {
        if (await ReadFormCallAsync(context) is not { } form) return;
        var name = form["filename"].ToString();
        if (name.Length == 0 || !long.TryParse(form["length"].ToString(), out var length) || length <= 0)
        {
            await RefuseAsync(context, "invalid_arguments", ["filename and a positive length are required"], "");
            return;
        }
        if (length > MaxFileBytes)
        {
            await RefuseAsync(context, "file_too_large", [$"length {length} is over {MaxFileBytes}"], "");
            return;
        }
        var id = $"F0FAKE{Interlocked.Increment(ref _fileCount):D4}";
        _files[id] = new PendingFile(name, length);
        await FakeReply.JsonAsync(context, 200, new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseAddress, $"/upload/{id}").ToString(), ["file_id"] = id });
    }

    async Task UploadAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["fileId"]!;
        if (!_files.TryGetValue(id, out var file) || FakeHost.Header(context.Request, "Authorization") is not null)
        {
            RecordRejection(context, 404, "upload refused", ["unknown file id, or a token sent to the upload address"], "");
            await FakeReply.TextAsync(context, 404, "Not Found");
            return;
        }
        using var bytes = new MemoryStream();
        if (context.Request.HasFormContentType) await (await context.Request.ReadFormAsync()).Files.Single().CopyToAsync(bytes);
        else await context.Request.Body.CopyToAsync(bytes);
        if (bytes.Length != file.Length)
        {
            RecordRejection(context, 400, "length mismatch", [$"{bytes.Length} bytes uploaded, {file.Length} announced"], "");
            await FakeReply.TextAsync(context, 400, "Bad Request");
            return;
        }
        file.Bytes = bytes.ToArray();
        await FakeReply.TextAsync(context, 200, $"OK - {bytes.Length}");
    }

    async Task CompleteUploadAsync(HttpContext context)
    {
        if (await ReadFormCallAsync(context) is not { } form) return;
        var channel = form["channel_id"].ToString();
        if (!_channels.TryGetValue(channel, out var known) || !known.Member)
        {
            await FakeReply.JsonAsync(context, 200, SlackFault.Failure(known is null ? "channel_not_found" : "not_in_channel"));
            return;
        }
        var files = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(form["files"].ToString() is { Length: > 0 } f ? f : "[]") ?? [];
        var shared = files.Select(f => f.GetValueOrDefault("id") is { } id && _files.TryGetValue(id, out var p) && p.Bytes is not null ? (id, p) : default).ToList();
        if (files.Count == 0 || shared.Any(s => s.p is null))
        {
            await RefuseAsync(context, "file_not_found", ["files names no uploaded file"], form["files"].ToString());
            return;
        }
        var body = new JsonObject { ["channel"] = channel };
        if (form["blocks"].ToString() is { Length: > 0 } blocks) body["blocks"] = JsonNode.Parse(blocks);
        var json = JsonDocument.Parse(body.ToJsonString()).RootElement.Clone();
        if (SlackMessageRules.Check(json, out var violations) is { } invalid && invalid != "no_text")
        {
            await RefuseAsync(context, invalid, violations, body.ToJsonString());
            return;
        }
        var message = Record(ReceivedSlackMessage.From(channel, _clock.Next(), json, webhookPath: null)
            with { Files = [.. shared.Select(s => new ReceivedFile(s.id, s.p.Name, "", s.p.Bytes!))] });
        await FakeReply.JsonAsync(context, 200, new JsonObject
        {
            ["ok"] = true, ["files"] = new JsonArray([.. shared.Select(s => (JsonNode)new JsonObject { ["id"] = s.id, ["name"] = s.p.Name, ["shares"] = new JsonObject { ["public"] = new JsonObject { [channel] = new JsonArray(new JsonObject { ["ts"] = message.Ts }) } } })]),
        });
    }

    /// <summary>A form-encoded Web API call: scripted fault, then the bot token; null when answered.</summary>
    async Task<IFormCollection?> ReadFormCallAsync(HttpContext context)
    {
        if (_faults.TryDequeue(out var fault) && await fault.ApplyToApiAsync(context)) return null;
        var authorization = FakeHost.Header(context.Request, "Authorization");
        var problem = authorization != $"Bearer {BotToken}" ? (authorization is null ? "not_authed" : "invalid_auth", "Authorization is not \"Bearer <configured xoxb token>\"")
            : !context.Request.HasFormContentType ? ("invalid_arguments", "this method takes application/x-www-form-urlencoded here") : default((string, string)?);
        if (problem is not var (error, violation)) return await context.Request.ReadFormAsync();
        await RefuseAsync(context, error, [violation], "");
        return null;
    }
}
