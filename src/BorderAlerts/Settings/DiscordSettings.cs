using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Discord: the application, for slash commands and bot destinations. BotToken is a secret.</summary>
public sealed class DiscordSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Discord";

    public string? ApplicationId { get; set; }
    public string? PublicKey { get; set; }
    public string? BotToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";
    public List<string> AdminRoleIds { get; set; } = [];
    /// <summary>The servers this deployment serves: commands from others are refused, and Manage Server counts only here.</summary>
    public List<string> GuildIds { get; set; } = [];
}

public sealed class DiscordSettingsValidator : IValidateOptions<DiscordSettings>
{
    public ValidateOptionsResult Validate(string? name, DiscordSettings o) => new SettingsProblems(DiscordSettings.Section)
        .Check(Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "ApiBaseUrl", "is not an absolute address")
        .Check(string.IsNullOrEmpty(o.PublicKey) || DiscordPublicKey.IsValid(o.PublicKey), "PublicKey",
            "is not an Ed25519 public key: 64 hexadecimal characters, the Public Key on the Developer Portal's General Information page")
        .Result;
}
