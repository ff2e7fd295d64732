using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>Files: Discord's multipart payload_json + files[n] with their limits, and Slack's file upload flow, each refused as the platform would.</summary>
public sealed partial class FakeServerTests
{
    static MultipartFormDataContent Form(string payload, string field = "files[0]", string fileName = "chart.png", int bytes = 10)
    {
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { new StringContent(payload, Encoding.UTF8, "application/json"), "payload_json" }, { file, field, fileName } };
    }

    const string WithImage = """{"embeds":[{"title":"t","image":{"url":"attachment://chart.png"}}],"attachments":[{"id":0,"filename":"chart.png"}],"allowed_mentions":{"parse":[]}}""";

    [Fact]
    public async Task Discord_takes_a_file_as_multipart_files_0_and_refuses_an_image_naming_no_file_a_stray_field_or_a_file_over_the_limit()
    {
        var id = NewId();
        var url = new Uri(discord.WebhookUrl(id) + "?wait=true");
        var ok = await Http.PostAsync(url, Form(WithImage));
        var unnamed = await Http.PostAsync(url, Form(WithImage.Replace("attachment://chart.png", "attachment://other.png")));
        var json = await Http.PostAsync(url, Json(WithImage));
        var stray = await Http.PostAsync(url, Form(WithImage, field: "file"));
        var large = await Http.PostAsync(url, Form(WithImage, bytes: discord.MaxFileBytes + 1));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge),
            (ok.StatusCode, unnamed.StatusCode, json.StatusCode, stray.StatusCode, large.StatusCode));
        var file = Assert.Single(Assert.Single(discord.Messages, m => m.WebhookId == id).Files);
        Assert.Equal(("files[0]", "chart.png", 10), (file.Field, file.FileName, file.Bytes.Length));
        Assert.Contains(discord.Rejected, r => r.Violations.Any(v => v.Contains("embed image attachment://other.png names no uploaded file")));
    }

    [Fact]
    public async Task Slack_upload_flow_shares_an_uploaded_file_and_refuses_a_wrong_length_an_unknown_file_or_no_token()
    {
        var channel = NewSlackChannel();
        HttpRequestMessage FormCall(string method, string? token, params (string, string)[] fields) => new(HttpMethod.Post, new Uri(slack.ApiBase, method))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))),
            Headers = { Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token) },
        };
        var asked = await JsonOf(await Http.SendAsync(FormCall("files.getUploadURLExternal", slack.BotToken, ("filename", "chart.png"), ("length", "4"))));
        var fileId = asked.GetProperty("file_id").GetString()!;
        var uploadUrl = asked.GetProperty("upload_url").GetString()!;
        var wrongLength = await Http.PostAsync(uploadUrl, new ByteArrayContent([1, 2, 3]));
        var unknown = await JsonOf(await Http.SendAsync(FormCall("files.completeUploadExternal", slack.BotToken, ("files", $$"""[{"id":"{{fileId}}"}]"""), ("channel_id", channel))));
        var uploaded = await Http.PostAsync(uploadUrl, new ByteArrayContent([1, 2, 3, 4]));
        var completed = await JsonOf(await Http.SendAsync(FormCall("files.completeUploadExternal", slack.BotToken, ("files", $$"""[{"id":"{{fileId}}","title":"chart"}]"""),
            ("channel_id", channel), ("blocks", """[{"type":"section","text":{"type":"mrkdwn","text":"brief"}}]"""))));
        var anonymous = await JsonOf(await Http.SendAsync(FormCall("files.getUploadURLExternal", null, ("filename", "chart.png"), ("length", "4"))));

        Assert.Equal((HttpStatusCode.BadRequest, "file_not_found", HttpStatusCode.OK, true, "not_authed"),
            (wrongLength.StatusCode, unknown.GetProperty("error").GetString(), uploaded.StatusCode, completed.GetProperty("ok").GetBoolean(), anonymous.GetProperty("error").GetString()));
        var shared = Assert.Single(slack.Messages, m => m.Channel == channel);
        Assert.Equal([1, 2, 3, 4], Assert.Single(shared.Files).Bytes);
        Assert.Equal(1, shared.BlockCount);
    }
}
