using BorderAlerts.Hosting;
using BorderAlerts.Settings;
using System.CommandLine;
using System.Text.Json.Nodes;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Commands;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Cli;

/// <summary>
/// `discord register [--guild ID]`: sends the chat command catalog to Discord in one bulk overwrite, globally or to one
/// guild (guild commands update at once: use them while testing). Exit 2 names a missing setting; exit 1 carries
/// Discord's own error. The bot token is never printed.
/// </summary>
public static class DiscordCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var guild = new Option<string?>("--guild") { Description = "Register to this guild (server) id only, instead of globally" };
        var register = new Command("register", "Register the slash commands (/search, /rules, /feeds, /mute) with Discord") { guild };
        register.SetAction((parse, ct) => RegisterAsync(output, errors, parse.GetValue(guild), ct));
        var command = new Command("discord", "Discord application tasks");
        command.Subcommands.Add(register);
        return command;
    }

    static async Task<int> RegisterAsync(TextWriter output, TextWriter errors, string? guildId, CancellationToken cancellationToken)
    {
        if (guildId is not null && !(guildId.Length is > 0 and <= 20 && guildId.All(char.IsAsciiDigit)))
            throw new CliInputException($"--guild '{guildId}' is not a Discord id (a number such as 561884984214814744)");
        await using var app = AppHost.Build(service: false);
        var discord = app.Services.GetRequiredService<IOptions<DiscordSettings>>().Value;
        var missing = new[]
        {
            string.IsNullOrWhiteSpace(discord.ApplicationId) ? "BorderAlerts:Discord:ApplicationId (the application id from the Developer Portal)" : null,
            string.IsNullOrWhiteSpace(discord.BotToken) ? "BorderAlerts:Discord:BotToken (a secret: set BorderAlerts__Discord__BotToken in the environment)" : null,
        }.OfType<string>().ToList();
        if (missing.Count > 0) throw new CliInputException($"settings: {string.Join(" and ", missing)} not set");
        var target = new DiscordApp(new Uri(discord.ApiBaseUrl), discord.ApplicationId!, discord.BotToken!);
        var commands = DiscordCommandJson.FromCatalog(CommandCatalog.All, adminRoles: discord.AdminRoleIds.Count > 0);
        var result = await app.Services.GetRequiredService<DiscordCommandRegistrar>().OverwriteAsync(target, guildId, commands, cancellationToken);
        if (!result.Ok)
        {
            errors.WriteLine($"error: registering commands failed: {result.Detail}");
            return CliApp.Failure;
        }
        output.WriteLine($"Registered {result.Registered.Count} commands {(guildId is null ? "globally" : $"in guild {guildId}")} for {target}:");
        foreach (var registered in result.Registered.OfType<JsonObject>()) output.WriteLine("  " + Describe(registered));
        return CliApp.Ok;
    }

    /// <summary>"/rules list, show, … (id 123)" or "/mute target duration (Manage Server only)".</summary>
    static string Describe(JsonObject command)
    {
        var options = command["options"] as JsonArray ?? [];
        var words = string.Join(", ", options.Select(o => o?["name"]?.GetValue<string>()));
        var admin = command["default_member_permissions"]?.GetValue<string>() == DiscordCommandJson.ManageServer ? " (Manage Server only)" : "";
        return $"/{command["name"]} {words}{admin}" + (command["id"] is { } id ? $" [id {id}]" : "");
    }
}
