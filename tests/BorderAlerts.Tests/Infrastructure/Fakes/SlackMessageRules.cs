using System.Text.Json;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Slack message rules (docs/platform-contracts.md §S3, §S5): text or blocks required (<c>no_text</c>), text ≤ 40,000
/// (<c>msg_too_long</c>), ≤ 50 blocks, header plain_text ≤ 150, section text 1–3000, ≤ 10 section fields of ≤ 2000,
/// ≤ 10 context elements, ≤ 25 actions elements, block_id ≤ 255 (<c>invalid_blocks</c>, with JSON-pointer messages
/// as Slack gives them). Characters are .NET string.Length.
/// </summary>
static class SlackMessageRules
{
    public const int MaxText = 40_000, MaxBlocks = 50;

    static readonly HashSet<string> OtherBlockTypes = ["image", "markdown", "rich_text", "file", "input", "video", "table"];

    /// <summary>The error Slack would answer (null when the message is fine) and what exactly broke the rules.</summary>
    public static string? Check(JsonElement body, out List<string> violations)
    {
        violations = [];
        if (body.TryGetProperty("blocks", out var blocks) && blocks.ValueKind != JsonValueKind.Null)
        {
            Blocks(blocks, violations);
            if (violations.Count > 0) return "invalid_blocks";
        }
        var text = body.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (text.Length > MaxText)
        {
            violations.Add($"text is {text.Length} characters, more than {MaxText}");
            return "msg_too_long";
        }
        var hasBlocks = blocks.ValueKind == JsonValueKind.Array && blocks.GetArrayLength() > 0;
        var hasAttachments = body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array && attachments.GetArrayLength() > 0;
        if (text.Trim().Length > 0 || hasBlocks || hasAttachments) return null;
        violations.Add("neither text nor blocks");
        return "no_text";
    }

    static void Blocks(JsonElement blocks, List<string> violations)
    {
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            violations.Add("must be an array [json-pointer:/blocks]");
            return;
        }
        if (blocks.GetArrayLength() > MaxBlocks) violations.Add($"no more than {MaxBlocks} items allowed [json-pointer:/blocks]");
        var i = 0;
        foreach (var block in blocks.EnumerateArray()) Block(block, $"/blocks/{i++}", violations);
    }

    static void Block(JsonElement block, string at, List<string> violations)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            violations.Add($"must be an object [json-pointer:{at}]");
            return;
        }
        var type = block.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (block.TryGetProperty("block_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 255)
            violations.Add($"must be less than 256 characters [json-pointer:{at}/block_id]");
        switch (type)
        {
            case "header": TextObject(block, "text", 150, $"{at}/text", violations, plainOnly: true, required: true); break;
            case "section": Section(block, at, violations); break;
            case "context": Elements(block, 10, at, violations, context: true); break;
            case "actions": Elements(block, 25, at, violations, context: false); break;
            case "divider": break;
            case "markdown": Length(block, "text", 12_000, at, violations); break;
            case null: violations.Add($"missing required field: type [json-pointer:{at}]"); break;
            default:
                if (!OtherBlockTypes.Contains(type)) violations.Add($"unknown block type \"{type}\" [json-pointer:{at}/type]");
                break;
        }
    }

    static void Section(JsonElement block, string at, List<string> violations)
    {
        var hasText = block.TryGetProperty("text", out var text) && text.ValueKind != JsonValueKind.Null;
        var hasFields = block.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array;
        if (!hasText && !hasFields) violations.Add($"must provide either text or fields [json-pointer:{at}]");
        if (hasText) TextObject(block, "text", 3000, $"{at}/text", violations, plainOnly: false, required: true);
        if (!hasFields) return;
        if (fields.GetArrayLength() > 10) violations.Add($"no more than 10 items allowed [json-pointer:{at}/fields]");
        var i = 0;
        foreach (var field in fields.EnumerateArray()) TextObject(field, 2000, $"{at}/fields/{i++}", violations, plainOnly: false);
    }

    static void Elements(JsonElement block, int max, string at, List<string> violations, bool context)
    {
        if (!block.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() == 0)
        {
            violations.Add($"must provide at least 1 element [json-pointer:{at}/elements]");
            return;
        }
        if (elements.GetArrayLength() > max) violations.Add($"no more than {max} items allowed [json-pointer:{at}/elements]");
        var i = 0;
        var actionIds = new HashSet<string>();
        foreach (var element in elements.EnumerateArray())
        {
            var where = $"{at}/elements/{i++}";
            var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (context && type is "plain_text" or "mrkdwn") TextObject(element, 3000, where, violations, plainOnly: false);
            else if (context && type != "image") violations.Add($"context elements must be text or image [json-pointer:{where}]");
            else if (!context && type == "button") Button(element, where, violations, actionIds);
        }
    }

    /// <summary>A button: plain_text label ≤ 75, action_id ≤ 255 and unique in its block, value ≤ 2000, style primary or danger.</summary>
    static void Button(JsonElement button, string at, List<string> violations, HashSet<string> actionIds)
    {
        TextObject(button, "text", 75, $"{at}/text", violations, plainOnly: true, required: true);
        Length(button, "action_id", 255, at, violations);
        Length(button, "value", 2000, at, violations);
        if (button.TryGetProperty("action_id", out var id) && id.ValueKind == JsonValueKind.String && !actionIds.Add(id.GetString()!))
            violations.Add($"action_id must be unique in its block [json-pointer:{at}/action_id]");
        if (button.TryGetProperty("style", out var style) && style.GetString() is not ("primary" or "danger"))
            violations.Add($"must be one of: primary, danger [json-pointer:{at}/style]");
    }

    static void TextObject(JsonElement owner, string name, int max, string at, List<string> violations, bool plainOnly, bool required)
    {
        if (owner.TryGetProperty(name, out var text) && text.ValueKind != JsonValueKind.Null) TextObject(text, max, at, violations, plainOnly);
        else if (required) violations.Add($"missing required field: {name} [json-pointer:{at}]");
    }

    /// <summary>{"type":"plain_text"|"mrkdwn","text":"…"} with 1..max characters.</summary>
    static void TextObject(JsonElement text, int max, string at, List<string> violations, bool plainOnly)
    {
        var type = text.ValueKind == JsonValueKind.Object && text.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
            violations.Add($"must be a {(plainOnly ? "plain_text" : "plain_text or mrkdwn")} text object [json-pointer:{at}/type]");
        if (text.ValueKind != JsonValueKind.Object || !text.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
        {
            violations.Add($"missing required field: text [json-pointer:{at}/text]");
            return;
        }
        var length = value.GetString()!.Length;
        if (length < 1) violations.Add($"must be more than 0 characters [json-pointer:{at}/text]");
        if (length > max) violations.Add($"must be less than {max + 1} characters [json-pointer:{at}/text]");
    }

    static void Length(JsonElement owner, string name, int max, string at, List<string> violations)
    {
        if (owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > max)
            violations.Add($"must be less than {max + 1} characters [json-pointer:{at}/{name}]");
    }
}
