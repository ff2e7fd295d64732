using System.Text.Json;
using System.Text.RegularExpressions;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Discord's rules for a bulk overwrite of application commands (docs/platform-contracts.md §D5): at most 100, unique names
/// matching the CHAT_INPUT pattern in lower case, descriptions 1–100, at most 25 options per level, required options
/// before optional ones, subcommands not mixed with value options, at most 25 choices (name 1–100, string value ≤ 100,
/// integer value for INTEGER), no choices with autocomplete, and each command at most 8000 characters of JSON.
/// </summary>
static partial class DiscordCommandRules
{
    public const int MaxCommands = 100, MaxOptions = 25, MaxChoices = 25, MaxCommandSize = 8000;

    public static FormErrors Validate(JsonElement commands)
    {
        var errors = new FormErrors();
        if (commands.ValueKind != JsonValueKind.Array) { errors.Add("", "BASE_TYPE_ARRAY", "Must be an array."); return errors; }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var command in commands.EnumerateArray())
        {
            var path = (i++).ToString();
            if (command.ValueKind != JsonValueKind.Object) { errors.Add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"); continue; }
            if (command.GetRawText().Length > MaxCommandSize)
                errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", $"Command exceeds maximum size ({MaxCommandSize})");
            if (Name(command, path, errors) is { } name && !names.Add(name))
                errors.Add(path + ".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", $"Application command names must be unique ({name})");
            Description(command, path, errors);
            if (command.TryGetProperty("default_member_permissions", out var permissions) && permissions.ValueKind != JsonValueKind.Null &&
                !(permissions.ValueKind == JsonValueKind.String && permissions.GetString()!.All(char.IsAsciiDigit)))
                errors.Add(path + ".default_member_permissions", "NUMBER_TYPE_COERCE", $"Value \"{permissions}\" is not snowflake.");
            EnumList(command, "contexts", 2, path, errors);
            EnumList(command, "integration_types", 1, path, errors);
            Options(command, path, errors, level: 0);
        }
        return errors;
    }

    /// <summary>contexts (0–2) and integration_types (0–1): absent, null, or an array of those numbers.</summary>
    static void EnumList(JsonElement command, string field, int max, string path, FormErrors errors)
    {
        if (!command.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null) return;
        if (list.ValueKind != JsonValueKind.Array) { errors.Add($"{path}.{field}", "BASE_TYPE_ARRAY", "Must be an array."); return; }
        var n = 0;
        foreach (var value in list.EnumerateArray())
            if (!(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var v) && v >= 0 && v <= max))
                errors.Add($"{path}.{field}.{n++}", "BASE_TYPE_CHOICES", $"Value must be one of {string.Join(", ", Enumerable.Range(0, max + 1))}.");
    }

    /// <summary>level 0: a command's options (subcommands or values); 1: a group's (subcommands only); 2: a subcommand's (values only).</summary>
    static void Options(JsonElement owner, string path, FormErrors errors, int level)
    {
        if (!owner.TryGetProperty("options", out var options) || options.ValueKind == JsonValueKind.Null) return;
        if (options.ValueKind != JsonValueKind.Array) { errors.Add(path + ".options", "BASE_TYPE_ARRAY", "Must be an array."); return; }
        if (options.GetArrayLength() > MaxOptions) errors.Add(path + ".options", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxOptions} or fewer in length.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool sawOptional = false, sawSub = false, sawValue = false;
        var i = 0;
        foreach (var option in options.EnumerateArray())
        {
            var at = $"{path}.options.{i++}";
            if (option.ValueKind != JsonValueKind.Object) { errors.Add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType"); continue; }
            if (Name(option, at, errors) is { } name && !names.Add(name))
                errors.Add(at + ".name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", $"Option names must be unique ({name})");
            Description(option, at, errors);
            var type = option.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 0;
            if (type is < 1 or > 11) { errors.Add(at + ".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, …, 11}."); continue; }
            var isSub = type is 1 or 2;
            (sawSub, sawValue) = (sawSub || isSub, sawValue || !isSub);
            if (isSub && level == 2 || type == 2 && level == 1 || !isSub && level == 1)
                errors.Add(at + ".type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-command and sub-command group nesting is invalid here");
            var required = option.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            if (required && sawOptional)
                errors.Add(at + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            sawOptional |= !required && !isSub;
            if (isSub) Options(option, at, errors, type == 2 ? 1 : 2);
            else Choices(option, at, type, errors);
        }
        if (sawSub && sawValue)
            errors.Add(path + ".options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-commands and value options cannot be mixed");
    }

    static void Choices(JsonElement option, string path, int type, FormErrors errors)
    {
        if (!option.TryGetProperty("choices", out var choices) || choices.ValueKind == JsonValueKind.Null) return;
        if (type is not (3 or 4 or 10)) { errors.Add(path + ".choices", "APPLICATION_COMMAND_OPTION_CHOICES_INVALID", "Only STRING, INTEGER and NUMBER options take choices"); return; }
        if (option.TryGetProperty("autocomplete", out var auto) && auto.ValueKind == JsonValueKind.True)
            errors.Add(path + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_AND_CHOICES", "Autocomplete cannot be set with choices");
        if (choices.GetArrayLength() > MaxChoices) errors.Add(path + ".choices", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxChoices} or fewer in length.");
        var i = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var at = $"{path}.choices.{i++}";
            var name = choice.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            if (name.Length is < 1 or > 100) errors.Add(at + ".name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            var value = choice.TryGetProperty("value", out var v) ? v : default;
            var ok = type switch
            {
                3 => value.ValueKind == JsonValueKind.String && value.GetString()!.Length is >= 1 and <= 100,
                4 => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                _ => value.ValueKind == JsonValueKind.Number,
            };
            if (!ok) errors.Add(at + ".value", "BASE_TYPE_BAD_VALUE", $"Value does not fit option type {type}.");
        }
    }

    static string? Name(JsonElement owner, string path, FormErrors errors)
    {
        var name = owner.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
        if (name is null) { errors.Add(path + ".name", "BASE_TYPE_REQUIRED", "This field is required"); return null; }
        if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant())
            errors.Add(path + ".name", "APPLICATION_COMMAND_INVALID_NAME", $"Command name is invalid ({name})");
        return name;
    }

    static void Description(JsonElement owner, string path, FormErrors errors)
    {
        var text = owner.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        if (text.Length is < 1 or > 100) errors.Add(path + ".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }

    /// <summary>Discord's CHAT_INPUT pattern without the Devanagari and Thai script classes .NET cannot name.</summary>
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
