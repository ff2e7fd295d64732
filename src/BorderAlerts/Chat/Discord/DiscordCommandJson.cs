using System.Globalization;
using System.Text.Json.Nodes;
using BorderAlerts.Commands;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// The chat command catalog as Discord application commands (CHAT_INPUT), for one bulk overwrite: subcommands are
/// options of type 1, text options STRING (3), integers INTEGER (4), choices {name, value}, required options first,
/// descriptions cut to Discord's 100 characters, servers only (contexts, integration_types). AdminOnly commands are
/// hidden from members without Manage Server only when that is what makes an admin: with `Discord:AdminRoleIds` set,
/// holders of those roles are admins too, and a permission filter would hide the command from them (the dispatcher
/// refuses everyone else).
/// https://discord.com/developers/docs/interactions/application-commands
/// </summary>
public static class DiscordCommandJson
{
    public const int ChatInput = 1, SubCommand = 1, StringOption = 3, IntegerOption = 4, MaxDescription = 100, GuildContext = 0, GuildInstall = 0;

    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5) as Discord's permission string.</summary>
    public const string ManageServer = "32";

    public static JsonArray FromCatalog(IEnumerable<CommandSpec> commands, bool adminRoles = false) => [.. commands.Select(c => Command(c, adminRoles))];

    /// <param name="adminRoles">True when `Discord:AdminRoleIds` names roles whose holders are admins without Manage Server.</param>
    public static JsonObject Command(CommandSpec command, bool adminRoles = false)
    {
        var options = command.Subcommands.Count > 0
            ? new JsonArray([.. command.Subcommands.Select(Subcommand)])
            : Options(command.Options);
        var json = new JsonObject
        {
            ["name"] = command.Name,
            ["type"] = ChatInput,
            ["description"] = Description(command.Description),
            ["options"] = options,
            // Servers only, installed to a server: admin rights come from server roles and permissions, which a DM or a
            // user-installed app does not have (the dispatcher refuses those too).
            ["contexts"] = new JsonArray(GuildContext),
            ["integration_types"] = new JsonArray(GuildInstall),
        };
        // Mixed commands (/rules, /feeds) stay visible to everyone: the dispatcher checks each writing subcommand.
        if (command.AdminOnly && !adminRoles) json["default_member_permissions"] = ManageServer;
        return json;
    }

    static JsonObject Subcommand(SubcommandSpec subcommand) => new()
    {
        ["name"] = subcommand.Name,
        ["type"] = SubCommand,
        ["description"] = Description(subcommand.Description),
        ["options"] = Options(subcommand.Options),
    };

    static JsonArray Options(IReadOnlyList<OptionSpec> options) => [.. options.OrderBy(o => o.Required ? 0 : 1).Select(Option)];

    static JsonObject Option(OptionSpec option)
    {
        var json = new JsonObject
        {
            ["name"] = option.Name,
            ["type"] = option.Kind == OptionKind.Integer ? IntegerOption : StringOption,
            ["description"] = Description(option.Description),
            ["required"] = option.Required,
        };
        if (option.Choices is { Count: > 0 } choices)
            json["choices"] = new JsonArray([.. choices.Select(c => Choice(option.Kind, c))]);
        return json;
    }

    static JsonObject Choice(OptionKind kind, string value) => new()
    {
        ["name"] = value,
        ["value"] = kind == OptionKind.Integer ? JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)) : JsonValue.Create(value),
    };

    static string Description(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}
