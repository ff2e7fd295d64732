using System.Text.Json;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Discord's message component rules (legacy layout, docs/platform-contracts.md §D1, §D4): at most 5 action rows of 1–5
/// components; a button has a style 1–5, a label of at most 80 characters and either a custom_id (styles 1–4, 1–100
/// characters) or a url (style 5); a string select fills its row alone, with a custom_id, 1–25 options whose label and
/// value are 1–100 characters (description at most 100) and a placeholder of at most 150. custom_ids are unique in a message.
/// </summary>
static class DiscordComponentRules
{
    const int ActionRow = 1, Button = 2, StringSelect = 3, Link = 5;

    public static void Validate(JsonElement body, FormErrors errors)
    {
        if (!body.TryGetProperty("components", out var rows) || rows.ValueKind == JsonValueKind.Null) return;
        if (rows.ValueKind != JsonValueKind.Array) { errors.Add("components", "BASE_TYPE_ARRAY", "Must be an array."); return; }
        if (rows.GetArrayLength() > 5) errors.Add("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        var ids = new HashSet<string>();
        var r = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var at = $"components.{r++}";
            if (Int(row, "type") != ActionRow) { errors.Add($"{at}.type", "COMPONENT_TYPE_INVALID", "Top-level components must be action rows."); continue; }
            if (!row.TryGetProperty("components", out var children) || children.ValueKind != JsonValueKind.Array || children.GetArrayLength() is 0 or > 5)
            {
                errors.Add($"{at}.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
                continue;
            }
            var c = 0;
            foreach (var child in children.EnumerateArray())
            {
                var where = $"{at}.components.{c++}";
                switch (Int(child, "type"))
                {
                    case Button: ButtonOf(child, where, ids, errors); break;
                    case StringSelect:
                        if (children.GetArrayLength() > 1) errors.Add(where, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select menu takes a whole action row.");
                        Select(child, where, ids, errors);
                        break;
                    default: errors.Add($"{where}.type", "COMPONENT_TYPE_INVALID", "Only buttons and string selects are used here."); break;
                }
            }
        }
    }

    static void ButtonOf(JsonElement button, string at, HashSet<string> ids, FormErrors errors)
    {
        var style = Int(button, "style");
        if (style is not (>= 1 and <= 5)) errors.Add($"{at}.style", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5).");
        Text(button, "label", 0, 80, at, errors);
        if (style == Link)
        {
            if (Text(button, "url", 1, 512, at, errors) is null) errors.Add($"{at}.url", "BASE_TYPE_REQUIRED", "This field is required");
            if (button.TryGetProperty("custom_id", out _)) errors.Add($"{at}.custom_id", "BUTTON_LINK_CUSTOM_ID", "A link button cannot have a custom_id.");
        }
        else CustomId(button, at, ids, errors);
    }

    static void Select(JsonElement select, string at, HashSet<string> ids, FormErrors errors)
    {
        CustomId(select, at, ids, errors);
        Text(select, "placeholder", 0, 150, at, errors);
        if (!select.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array || options.GetArrayLength() is 0 or > 25)
        {
            errors.Add($"{at}.options", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
            return;
        }
        var values = new HashSet<string>();
        var i = 0;
        foreach (var option in options.EnumerateArray())
        {
            var where = $"{at}.options.{i++}";
            if (Text(option, "label", 1, 100, where, errors) is null) errors.Add($"{where}.label", "BASE_TYPE_REQUIRED", "This field is required");
            if (Text(option, "value", 1, 100, where, errors) is not { } value) errors.Add($"{where}.value", "BASE_TYPE_REQUIRED", "This field is required");
            else if (!values.Add(value)) errors.Add($"{where}.value", "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED", "Option values must be unique.");
            Text(option, "description", 1, 100, where, errors);
        }
    }

    static void CustomId(JsonElement component, string at, HashSet<string> ids, FormErrors errors)
    {
        if (Text(component, "custom_id", 1, 100, at, errors) is not { } id) errors.Add($"{at}.custom_id", "BASE_TYPE_REQUIRED", "This field is required");
        else if (!ids.Add(id)) errors.Add($"{at}.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
    }

    /// <summary>A string property checked for length; null when absent.</summary>
    static string? Text(JsonElement owner, string name, int min, int max, string at, FormErrors errors)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) { errors.Add($"{at}.{name}", "BASE_TYPE_STRING", "Must be a string."); return null; }
        var text = value.GetString()!;
        if (text.Length < min || text.Length > max) errors.Add($"{at}.{name}", "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");
        return text;
    }

    static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
