using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>Where alerts go: BorderAlerts:Destinations (named places) and BorderAlerts:AdminDestination (where admin notices go).</summary>
public sealed class DestinationSettings : ISettingsSection
{
    public static string Section => "BorderAlerts";

    public Dictionary<string, DestinationEntry> Destinations { get; set; } = new();
    public string? AdminDestination { get; set; }
}

/// <summary>One named place alerts go to. Url and Token are secrets: set them through environment variables.</summary>
public sealed class DestinationEntry
{
    public string? Type { get; set; }
    public string? Url { get; set; }
    public string? Channel { get; set; }
    public string? Token { get; set; }
    /// <summary>Mention added to critical cards only: "@here", or a Discord role as "&lt;@&amp;ROLE_ID&gt;", or a Slack user group id.</summary>
    public string? Mention { get; set; }
    /// <summary>An email destination's sender address (its recipients are in Channel, comma-separated).</summary>
    public string? From { get; set; }

    public override string ToString() => $"{Type} destination"; // never print Url or Token
}

/// <summary>
/// What each destination type needs. A bot destination without its own token falls back to Discord:BotToken or
/// Slack:BotToken, read as written. Messages name the key, never the value: URLs and tokens are secrets.
/// </summary>
public sealed class DestinationSettingsValidator(IConfiguration configuration) : IValidateOptions<DestinationSettings>
{
    static readonly string[] Types = ["discord-webhook", "discord-bot", "slack", "slack-webhook", "email", "console"];

    public ValidateOptionsResult Validate(string? name, DestinationSettings o)
    {
        var problems = new SettingsProblems(DestinationSettings.Section);
        foreach (var (key, destination) in o.Destinations) Check($"Destinations:{key}", destination, problems);
        return problems.Check(o.AdminDestination is null || o.AdminDestination == "console" || o.Destinations.ContainsKey(o.AdminDestination),
            "AdminDestination", $"'{o.AdminDestination}' is not a configured destination").Result;
    }

    void Check(string at, DestinationEntry d, SettingsProblems problems)
    {
        problems.Check(d.Type is not null && Types.Contains(d.Type), $"{at}:Type", $"'{d.Type}' is not one of {string.Join(", ", Types)}");
        bool HasUrl() => Uri.TryCreate(d.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";
        switch (d.Type)
        {
            case "discord-webhook" or "slack-webhook":
                problems.Check(HasUrl(), $"{at}:Url", "is required: the webhook address (set it through an environment variable; it is a secret)");
                break;
            case "discord-bot":
                problems.Check(!string.IsNullOrWhiteSpace(d.Channel), $"{at}:Channel", "is required: the channel id");
                problems.Check(!string.IsNullOrWhiteSpace(d.Token ?? configuration.GetSettings<DiscordSettings>().BotToken), $"{at}:Token", "is required (or set Discord:BotToken)");
                break;
            case "slack":
                problems.Check(!string.IsNullOrWhiteSpace(d.Channel), $"{at}:Channel", "is required: the channel id");
                problems.Check(!string.IsNullOrWhiteSpace(d.Token ?? configuration.GetSettings<SlackSettings>().BotToken), $"{at}:Token", "is required (or set Slack:BotToken)");
                break;
            case "email":
                var server = Uri.TryCreate(d.Url, UriKind.Absolute, out var smtp) && smtp.Scheme is "smtp" or "smtps" && smtp.Host.Length > 0;
                problems.Check(server, $"{at}:Url", "is required: the mail server as smtp://[user@]host[:port] or smtps://… (the password goes in Token)");
                // "user:pass@" would be sent as the user name, and a password belongs in Token, not a URL that gets copied around.
                problems.Check(!server || !smtp!.UserInfo.Contains(':'), $"{at}:Url", "must not hold a password (user:pass@): give only the user and put the password in Token");
                problems.Check(EmailAddresses.AreValid(d.Channel), $"{at}:Channel", "is required: the recipients' addresses, comma-separated");
                problems.Check(EmailAddresses.AreValid(d.From) && !d.From!.Contains(','), $"{at}:From", "is required: the sender's address");
                break;
        }
    }
}
