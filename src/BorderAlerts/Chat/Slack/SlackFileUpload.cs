using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// A report with its chart, through the Web API's file upload flow (files.upload is retired): files.getUploadURLExternal
/// (filename, length) gives an upload address and a file id; the PNG is posted there; files.completeUploadExternal shares
/// the file in the channel with the report's blocks as its message. https://api.slack.com/messaging/files#uploading_files
/// </summary>
public sealed class SlackFileUpload(Uri apiBase, string channel, string token, SlackClient client)
{
    public async Task<DeliveryOutcome> PostAsync(ChatReport report, ReportImage image, CancellationToken cancellationToken)
    {
        var (asked, answer) = await client.CallAsync(() => Form("files.getUploadURLExternal",
            ("filename", image.FileName), ("length", image.Png.Length.ToString()), ("alt_txt", image.Description)), "files:" + channel, token, cancellationToken);
        if (asked is not DeliveryOutcome.Delivered) return asked;
        if (UploadTarget(answer) is not var (uploadUrl, fileId)) return new DeliveryOutcome.Retryable("Slack gave no upload_url or file_id");
        var (uploaded, _) = await client.CallAsync(() => Bytes(uploadUrl, image), "upload:" + channel, null, cancellationToken,
            (response, _) => SlackResponses.MapUpload(response.StatusCode, response.Headers));
        if (uploaded is not DeliveryOutcome.Delivered) return uploaded;
        var message = SlackReports.Message(report);
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = image.Description });
        var (completed, _) = await client.CallAsync(() => Form("files.completeUploadExternal",
            ("files", files.ToJsonString()), ("channel_id", channel), ("blocks", message["blocks"]!.ToJsonString())), "channel:" + channel, token, cancellationToken);
        return completed is DeliveryOutcome.Delivered ? new DeliveryOutcome.Delivered(fileId) : completed;
    }

    HttpRequestMessage Form(string method, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, new Uri(apiBase.ToString().TrimEnd('/') + "/" + method))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };

    /// <summary>The bytes as the one file of a multipart form, the way Slack's own examples post them.</summary>
    static HttpRequestMessage Bytes(Uri uploadUrl, ReportImage image)
    {
        var file = new ByteArrayContent(image.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new MultipartFormDataContent { { file, "file", image.FileName } } };
    }

    static (Uri Url, string FileId)? UploadTarget(string answer)
    {
        using var doc = JsonDocument.Parse(answer);
        var root = doc.RootElement;
        return root.TryGetProperty("upload_url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uploadUrl)
            && root.TryGetProperty("file_id", out var id) && id.GetString() is { Length: > 0 } fileId ? (uploadUrl, fileId) : null;
    }
}
