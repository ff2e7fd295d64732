using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>A file uploaded with a message: its form field (<c>files[n]</c>), file name, content type and bytes.</summary>
public sealed record ReceivedFile(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// Messages with files (docs/platform-contracts.md §D1, §D2b): multipart/form-data whose only fields are
/// <c>payload_json</c> (the JSON body, checked like any other) and <c>files[n]</c> parts with a file name, each at most
/// <see cref="MaxFileBytes"/> (else 413, code 40005). Each <c>attachments[].id</c> names an uploaded <c>files[id]</c>,
/// and an embed's <c>attachment://name</c> image names an uploaded file (in a JSON body too, which uploads none).
/// </summary>
public sealed partial class FakeDiscord
{
    /// <summary>Discord's upload limit for a server without boosts.</summary>
    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    const string FilesKey = "fake-discord-files";

    static IReadOnlyList<ReceivedFile> FilesOf(HttpContext context) =>
        context.Items.TryGetValue(FilesKey, out var files) ? (IReadOnlyList<ReceivedFile>)files! : [];

    /// <summary>The form's payload_json and files; null (answered) when the form breaks the contract.</summary>
    async Task<(JsonElement? Json, string Raw)> ReadMultipartAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var problems = form.Keys.Where(k => k != "payload_json").Select(k => $"unexpected form field '{k}'").ToList();
        var files = new List<ReceivedFile>();
        foreach (var file in form.Files)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(file.Name, @"^files\[\d+\]$")) problems.Add($"file field '{file.Name}' is not files[n]");
            if (string.IsNullOrEmpty(file.FileName)) problems.Add($"{file.Name} has no filename");
            if (file.Length > MaxFileBytes)
            {
                await RejectAsync(context, 413, DiscordFault.Error(40005, "Request entity too large"), [$"{file.Name} is {file.Length} bytes"], "");
                return (null, "");
            }
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
        }
        var raw = form["payload_json"].ToString();
        JsonElement? json = null;
        try { json = raw.Length == 0 ? null : JsonDocument.Parse(raw).RootElement.Clone(); }
        catch (JsonException) { problems.Add("payload_json is not JSON"); }
        if (json is null) problems.Add("no payload_json");
        if (problems.Count > 0)
        {
            await RejectAsync(context, 400, DiscordFault.Error(50035, "Invalid Form Body"), problems, raw);
            return (null, raw);
        }
        context.Items[FilesKey] = files;
        return (json, raw);
    }

    static IEnumerable<string> AttachmentProblems(JsonElement body, IReadOnlyList<ReceivedFile> files)
    {
        var ids = files.Select(f => f.Field[6..^1]).ToHashSet();
        if (body.ValueKind != JsonValueKind.Object) yield break;
        if (body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            foreach (var a in attachments.EnumerateArray())
                if (!a.TryGetProperty("id", out var id) || !ids.Contains(id.ToString())) yield return $"attachments: id {a} names no files[n]";
        if (!body.TryGetProperty("embeds", out var embeds) || embeds.ValueKind != JsonValueKind.Array) yield break;
        foreach (var embed in embeds.EnumerateArray())
            if (embed.ValueKind == JsonValueKind.Object && embed.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.Object
                && image.TryGetProperty("url", out var address) && address.ValueKind == JsonValueKind.String && address.GetString() is { } url && url.StartsWith("attachment://")
                && files.All(f => f.FileName != url["attachment://".Length..]))
                yield return $"embed image {url} names no uploaded file";
    }
}
