using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>BorderAlerts:Slack: the app, for slash commands, Socket Mode and bot destinations. The tokens and the signing secret are secrets.</summary>
public sealed class SlackSettings : ISettingsSection
{
    public static string Section => "BorderAlerts:Slack";

    public string? SigningSecret { get; set; }
    public string? BotToken { get; set; }
    public string? AppToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://slack.com/api";
    public List<string> AdminUserIds { get; set; } = [];
    /// <summary>The workspaces this deployment serves; commands from others are refused. Empty: any workspace the app is in.</summary>
    public List<string> TeamIds { get; set; } = [];
}

public sealed class SlackSettingsValidator : IValidateOptions<SlackSettings>
{
    public ValidateOptionsResult Validate(string? name, SlackSettings o) => new SettingsProblems(SlackSettings.Section)
        .Check(Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "ApiBaseUrl", "is not an absolute address")
        .Result;
}
