namespace BorderAlerts.Settings;

/// <summary>The BorderAlerts settings section (docs/architecture.md §8). Every key is documented in appsettings.example.json.</summary>
public sealed class BorderAlertsOptions
{
    public const string Section = "BorderAlerts";

    public string ConfigDir { get; set; } = "config";
    public string DataDir { get; set; } = "data";
    public StorageOptions Storage { get; set; } = new();
    public FetchSettings Fetch { get; set; } = new();
    public PollingSettings Polling { get; set; } = new();
    public Dictionary<string, DestinationOptions> Destinations { get; set; } = new();
    public string? AdminDestination { get; set; }
    public DiscordOptions Discord { get; set; } = new();
    public SlackOptions Slack { get; set; } = new();
    public DeliverySettings Delivery { get; set; } = new();

    public string FeedsFile => Path.Combine(ConfigDir, "feeds.yaml");
    public string RulesFile => Path.Combine(ConfigDir, "rules.yaml");
}

public sealed class StorageOptions
{
    /// <summary>sqlite (one process, the default) or postgres (many instances sharing one database).</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>Optional for SQLite (default data/borderalerts.db); required for PostgreSQL. May hold a password: never printed.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class FetchSettings
{
    public string? UserAgent { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    public int MaxBodyMegabytes { get; set; } = 10;
    public int MaxRedirects { get; set; } = 5;
    public int MaxConcurrencyPerHost { get; set; } = 2;
    /// <summary>Lets feeds added from chat reach loopback, private, link-local and metadata addresses (off: they are refused).</summary>
    public bool AllowPrivateAddresses { get; set; }
}

public sealed class PollingSettings
{
    /// <summary>How often the scheduler looks for due feeds.</summary>
    public int TickSeconds { get; set; } = 5;
    public int Parallelism { get; set; } = 32;
    public int ClaimBatch { get; set; } = 256;
    public int LeaseSeconds { get; set; } = 300;
    public double MaxBackoffHours { get; set; } = 4;
}

/// <summary>A named place alerts go to. Url and Token are secrets: set them through environment variables.</summary>
public sealed class DestinationOptions
{
    public string? Type { get; set; }
    public string? Url { get; set; }
    public string? Channel { get; set; }
    public string? Token { get; set; }
    /// <summary>Mention added to critical cards only: "@here", or a Discord role as "&lt;@&amp;ROLE_ID&gt;", or a Slack user group id.</summary>
    public string? Mention { get; set; }

    public override string ToString() => $"{Type} destination"; // never print Url or Token
}

public sealed class DiscordOptions
{
    public string? ApplicationId { get; set; }
    public string? PublicKey { get; set; }
    public string? BotToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";
    public List<string> AdminRoleIds { get; set; } = [];
    /// <summary>The servers this deployment serves: commands from others are refused, and Manage Server counts only here.</summary>
    public List<string> GuildIds { get; set; } = [];
}

public sealed class SlackOptions
{
    public string? SigningSecret { get; set; }
    public string? BotToken { get; set; }
    public string? AppToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://slack.com/api";
    public List<string> AdminUserIds { get; set; } = [];
    /// <summary>The workspaces this deployment serves; commands from others are refused. Empty: any workspace the app is in.</summary>
    public List<string> TeamIds { get; set; } = [];
}

public sealed class DeliverySettings
{
    public int TickSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 8;
    public int TimeoutSeconds { get; set; } = 20;
    /// <summary>Cards per rule per destination per window before the rule turns into a digest; 0 turns digests off.</summary>
    public int FloodBudget { get; set; } = 30;
    public int FloodWindowMinutes { get; set; } = 10;
    public int SuspendMinutes { get; set; } = 60;
}
