using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Discord's message body rules (docs/platform-contracts.md §D1, §D1a, §D2): content ≤ 2000, ≤ 10 embeds, per-embed limits,
/// ≤ 6000 counted characters across all embeds (trimmed, .NET string.Length), integer color, ISO8601 timestamp, and
/// our own rule that allowed_mentions is always sent. Violations become the nested 50035 "errors" tree.
/// </summary>
static partial class DiscordPayloadRules
{
    public const int MaxContent = 2000, MaxEmbeds = 10, MaxTotal = 6000, MaxFields = 25, MaxColor = 0xFFFFFF;

    public static FormErrors Validate(JsonElement body, out bool empty)
    {
        var errors = new FormErrors();
        empty = false;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return errors;
        }
        var content = Text(body, "content", MaxContent, "content", errors, required: false);
        var embeds = Embeds(body, errors);
        AllowedMentions(body, errors);
        DiscordComponentRules.Validate(body, errors);
        empty = content == 0 && embeds == 0 && !Has(body, "components") && !Has(body, "poll") && !Has(body, "sticker_ids");
        return errors;
    }

    static int Embeds(JsonElement body, FormErrors errors)
    {
        if (!body.TryGetProperty("embeds", out var embeds) || embeds.ValueKind == JsonValueKind.Null) return 0;
        if (embeds.ValueKind != JsonValueKind.Array)
        {
            errors.Add("embeds", "BASE_TYPE_ARRAY", "Must be an array.");
            return 0;
        }
        var count = embeds.GetArrayLength();
        if (count > MaxEmbeds) errors.Add("embeds", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxEmbeds} or fewer in length.");
        var total = 0;
        var i = 0;
        foreach (var embed in embeds.EnumerateArray()) total += Embed(embed, $"embeds.{i++}", errors);
        if (total > MaxTotal) errors.Add("embeds", "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxTotal} ({total}).");
        return count;
    }

    /// <summary>Checks one embed and returns its counted length (title, description, field names and values, footer, author).</summary>
    static int Embed(JsonElement embed, string path, FormErrors errors)
    {
        if (embed.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return 0;
        }
        var length = Text(embed, "title", 256, $"{path}.title", errors, required: false)
            + Text(embed, "description", 4096, $"{path}.description", errors, required: false)
            + Part(embed, "footer", "text", 2048, path, errors)
            + Part(embed, "author", "name", 256, path, errors)
            + Fields(embed, path, errors);
        Text(embed, "url", 2048, $"{path}.url", errors, required: false);
        Color(embed, path, errors);
        Timestamp(embed, path, errors);
        return length;
    }

    static int Fields(JsonElement embed, string path, FormErrors errors)
    {
        if (!embed.TryGetProperty("fields", out var fields) || fields.ValueKind == JsonValueKind.Null) return 0;
        if (fields.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.fields", "BASE_TYPE_ARRAY", "Must be an array.");
            return 0;
        }
        if (fields.GetArrayLength() > MaxFields) errors.Add($"{path}.fields", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxFields} or fewer in length.");
        var length = 0;
        var i = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var at = $"{path}.fields.{i++}";
            if (field.ValueKind != JsonValueKind.Object) { errors.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"); continue; }
            length += Text(field, "name", 256, $"{at}.name", errors, required: true) + Text(field, "value", 1024, $"{at}.value", errors, required: true);
            if (field.TryGetProperty("inline", out var inline) && inline.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                errors.Add($"{at}.inline", "BASE_TYPE_BOOLEAN", "Must be either true or false.");
        }
        return length;
    }

    /// <summary>footer.text / author.name: the object is optional, its text is required and limited.</summary>
    static int Part(JsonElement embed, string name, string textName, int max, string path, FormErrors errors)
    {
        if (!embed.TryGetProperty(name, out var part) || part.ValueKind == JsonValueKind.Null) return 0;
        if (part.ValueKind == JsonValueKind.Object) return Text(part, textName, max, $"{path}.{name}.{textName}", errors, required: true);
        errors.Add($"{path}.{name}", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
        return 0;
    }

    /// <summary>A string property's trimmed length (counted even when too long, for the 6000 total).</summary>
    static int Text(JsonElement owner, string name, int max, string path, FormErrors errors, bool required)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(path, "BASE_TYPE_REQUIRED", "This field is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, "BASE_TYPE_STRING", "Must be a string.");
            return 0;
        }
        var length = value.GetString()!.Trim().Length;
        if (required && length == 0) errors.Add(path, "BASE_TYPE_REQUIRED", "This field is required");
        if (length > max) errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        return length;
    }

    static void Color(JsonElement embed, string path, FormErrors errors)
    {
        if (!embed.TryGetProperty("color", out var color) || color.ValueKind == JsonValueKind.Null) return;
        if (color.ValueKind != JsonValueKind.Number || !color.TryGetInt64(out var value))
            errors.Add($"{path}.color", "NUMBER_TYPE_COERCE", $"Value \"{color.GetRawText()}\" is not int.");
        else if (value is < 0 or > MaxColor)
            errors.Add($"{path}.color", "NUMBER_TYPE_MAX", $"int value should be between 0 and {MaxColor}.");
    }

    static void Timestamp(JsonElement embed, string path, FormErrors errors)
    {
        if (!embed.TryGetProperty("timestamp", out var stamp) || stamp.ValueKind == JsonValueKind.Null) return;
        var text = stamp.ValueKind == JsonValueKind.String ? stamp.GetString()! : stamp.GetRawText();
        if (stamp.ValueKind != JsonValueKind.String || !Iso8601().IsMatch(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            errors.Add($"{path}.timestamp", "DATE_TYPE_PARSE", $"Could not parse {text}. Should be ISO8601.");
    }

    static void AllowedMentions(JsonElement body, FormErrors errors)
    {
        if (!body.TryGetProperty("allowed_mentions", out var mentions) || mentions.ValueKind == JsonValueKind.Null)
        {
            errors.Add("allowed_mentions", "BASE_TYPE_REQUIRED", "This field is required (BorderAlerts always sends allowed_mentions).");
            return;
        }
        if (mentions.ValueKind != JsonValueKind.Object)
        {
            errors.Add("allowed_mentions", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return;
        }
        if (!mentions.TryGetProperty("parse", out var parse) || parse.ValueKind == JsonValueKind.Null) return;
        if (parse.ValueKind != JsonValueKind.Array) { errors.Add("allowed_mentions.parse", "BASE_TYPE_ARRAY", "Must be an array."); return; }
        foreach (var kind in parse.EnumerateArray())
            if (kind.ValueKind != JsonValueKind.String || kind.GetString() is not ("roles" or "users" or "everyone"))
                errors.Add("allowed_mentions.parse", "ENUM_TYPE_COERCE", $"Value \"{kind}\" is not a valid enum value.");
    }

    static bool Has(JsonElement body, string name) => body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex Iso8601();
}

/// <summary>Discord's nested "errors" object: <c>{"embeds":{"0":{"title":{"_errors":[{code,message}]}}}}</c>, plus flat lines for test output.</summary>
sealed class FormErrors
{
    public JsonObject Tree { get; } = [];

    public List<string> Lines { get; } = [];

    public bool Any => Lines.Count > 0;

    public void Add(string path, string code, string message)
    {
        var node = Tree;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[segment] is not JsonObject child) node[segment] = child = [];
            node = child;
        }
        if (node["_errors"] is not JsonArray list) node["_errors"] = list = [];
        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
        Lines.Add($"{(path.Length == 0 ? "(body)" : path)}: {code} {message}");
    }
}
