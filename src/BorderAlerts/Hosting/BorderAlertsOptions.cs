namespace BorderAlerts.Hosting;

/// <summary>The BorderAlerts settings section (design section 8). Every key is documented in appsettings.example.json.</summary>
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

    public string FeedsFile => Path.Combine(ConfigDir, "feeds.yaml");
    public string RulesFile => Path.Combine(ConfigDir, "rules.yaml");
}

public sealed class StorageOptions
{
    public string Provider { get; set; } = "sqlite";
    /// <summary>Optional; for SQLite the default is data/borderalerts.db.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class FetchSettings
{
    public string? UserAgent { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    public int MaxBodyMegabytes { get; set; } = 10;
    public int MaxRedirects { get; set; } = 5;
    public int MaxConcurrencyPerHost { get; set; } = 2;
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

public sealed class DestinationOptions
{
    public string? Type { get; set; }
    public string? Url { get; set; }
    public string? Channel { get; set; }
    public string? Token { get; set; }
}
