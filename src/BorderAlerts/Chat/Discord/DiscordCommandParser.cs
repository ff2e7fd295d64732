using System.Numerics;
using System.Text.Json;
using BorderAlerts.Commands;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// Reads a verified interaction (docs/platform-contracts.md §D4c) into a <see cref="CommandRequest"/>. Admin: a member who holds a
/// configured admin role, or whose channel permissions include Administrator or Manage Server in one of the configured
/// servers (anyone can invite a public bot to a server they manage); in a DM nobody is.
/// </summary>
public static class DiscordCommandParser
{
    const ulong Administrator = 1 << 3, ManageGuild = 1 << 5;

    /// <summary>Whether the interaction comes from a server this deployment serves (any server when none is configured).</summary>
    public static bool Served(JsonElement interaction, IReadOnlyCollection<string> guilds) =>
        guilds.Count == 0 || interaction.TryGetProperty("guild_id", out var g) && guilds.Contains(g.GetString() ?? "");

    public static CommandRequest Command(JsonElement interaction, IReadOnlyCollection<string> adminRoles, IReadOnlyCollection<string> guilds)
    {
        var data = interaction.GetProperty("data");
        string? sub = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.TryGetProperty("options", out var list))
        {
            foreach (var option in list.EnumerateArray())
            {
                if (option.TryGetProperty("options", out var nested) || Int(option, "type") is 1 or 2)
                {
                    sub = option.GetProperty("name").GetString();
                    if (nested.ValueKind == JsonValueKind.Array) Collect(nested.EnumerateArray(), options);
                }
                else Collect([option], options);
            }
        }
        return new CommandRequest(data.GetProperty("name").GetString() ?? "", sub, options, Caller(interaction, adminRoles, guilds));
    }

    public static Caller Caller(JsonElement interaction, IReadOnlyCollection<string> adminRoles, IReadOnlyCollection<string> guilds)
    {
        if (!interaction.TryGetProperty("member", out var member))
            return User(interaction.TryGetProperty("user", out var dm) ? dm : default, isAdmin: false);
        var permissions = member.TryGetProperty("permissions", out var p) && BigInteger.TryParse(p.GetString(), out var bits) ? bits : BigInteger.Zero;
        var roles = member.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        bool managesServedGuild = guilds.Count > 0 && Served(interaction, guilds) && (permissions & (Administrator | ManageGuild)) != 0;
        bool admin = managesServedGuild || adminRoles.Any(roles.Contains);
        return User(member.TryGetProperty("user", out var user) ? user : default, admin);
    }

    static Caller User(JsonElement user, bool isAdmin) => new("discord",
        user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var id) ? id.GetString() ?? "?" : "?",
        user.ValueKind == JsonValueKind.Object && user.TryGetProperty("username", out var name) ? name.GetString() ?? "?" : "?", isAdmin);

    static void Collect(IEnumerable<JsonElement> options, Dictionary<string, string> into)
    {
        foreach (var option in options)
            if (option.TryGetProperty("name", out var name) && option.TryGetProperty("value", out var value))
                into[name.GetString() ?? ""] = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
    }

    static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
