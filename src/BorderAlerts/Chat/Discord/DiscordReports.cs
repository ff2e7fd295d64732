using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// A report (a briefing) as one embed within Discord's limits (platform-contracts §D1a: title 256, description 4096,
/// 25 fields of name 256 and value 1024, footer 2048, 6000 in all), every text escaped, no mention allowed. With a chart
/// it goes as multipart/form-data: <c>payload_json</c>, and <c>files[0]</c> that the embed shows as <c>attachment://</c>.
/// </summary>
public static class DiscordReports
{
    public const int MaxFields = 25, MaxTotal = 6000;
    const string MoreNote = "left out to keep the message within Discord's limits";
    /// <summary>The room kept for the "… N more stories" field: its name with up to three digits, and its value.</summary>
    const int NoteCost = 20 + 55;
    /// <summary>Discord's upload limit for a server without boosts; our charts are a few tens of kilobytes.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public static JsonObject Payload(ChatReport report)
    {
        var embed = new JsonObject
        {
            ["type"] = "rich",
            ["title"] = TextCut.Truncate(ChatText.Defuse(report.Title), 256),
            ["description"] = DiscordMarkdown.MendCut(TextCut.Truncate(DiscordMarkdown.Escape(report.Summary), 4096)),
            ["color"] = 0x1f77b4,
        };
        if (report.Footer.Length > 0) embed["footer"] = new JsonObject { ["text"] = TextCut.Truncate(ChatText.Defuse(report.Footer), 2048) };
        var limits = new ReportLayout.Limits(MaxFields, _ => 1024, MaxTotal - DiscordEmbeds.Size(embed), NoteCost);
        var layout = ReportLayout.Fit(report, limits, heading => TextCut.Truncate(ChatText.Defuse(heading), 256), Line);
        var fields = new JsonArray();
        foreach (var part in layout.Parts) fields.Add(Field(part));
        if (layout.Omitted > 0) fields.Add(Field(new ReportLayout.Part(ReportLayout.More(layout.Omitted), MoreNote)));
        foreach (var part in layout.Pinned) fields.Add(Field(part));
        if (fields.Count > 0) embed["fields"] = fields;
        var body = new JsonObject { ["embeds"] = new JsonArray(embed), ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        if (report.Image is { } image)
        {
            embed["image"] = new JsonObject { ["url"] = "attachment://" + image.FileName };
            body["attachments"] = new JsonArray(new JsonObject
            {
                ["id"] = 0, ["filename"] = image.FileName, ["description"] = TextCut.Truncate(image.Description, 1024),
            });
        }
        return body;
    }

    /// <summary>The multipart body: the JSON as <c>payload_json</c>, the PNG as <c>files[0]</c> (its id 0 in <c>attachments</c>).</summary>
    public static MultipartFormDataContent Multipart(JsonObject payload, ReportImage image)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), "payload_json");
        var file = new ByteArrayContent(image.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files[0]", image.FileName);
        return form;
    }

    static JsonObject Field(ReportLayout.Part part) => new() { ["name"] = part.Heading, ["value"] = part.Body };

    /// <summary>
    /// "• [title](link) — details" within <paramref name="room"/>, the title escaped and cut so one story stays one short line;
    /// linked only to an http(s) address, and without the link when the line would not fit with it.
    /// </summary>
    static string? Line(ReportLine line, int room)
    {
        var title = DiscordMarkdown.Escape(TextCut.Truncate(line.Text, 150));
        var detail = line.Detail is { } text ? " — " + DiscordMarkdown.Escape(TextCut.Truncate(text, 250)) : "";
        var linked = line.Link is { Scheme: "http" or "https" } url ? $"• [{title}]({DiscordEmbeds.Link(url)}){detail}" : null;
        var plain = $"• {title}{detail}";
        return linked is not null && linked.Length <= room ? linked : plain.Length <= room ? plain : null;
    }
}
