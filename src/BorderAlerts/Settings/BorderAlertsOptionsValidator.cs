using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>Checks settings at start; each failure names the key as it is written in appsettings.json or the environment.</summary>
public sealed class BorderAlertsOptionsValidator : IValidateOptions<BorderAlertsOptions>
{
    static readonly string[] DestinationTypes = ["discord-webhook", "discord-bot", "slack", "slack-webhook", "console"];

    public ValidateOptionsResult Validate(string? name, BorderAlertsOptions o)
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string problem) { if (!ok) errors.Add($"BorderAlerts:{key}: {problem}"); }

        Check(o.Storage.Provider is "sqlite" or "postgres", "Storage:Provider", $"'{o.Storage.Provider}' is not sqlite or postgres");
        if (o.Storage.Provider == "postgres") CheckPostgres(o.Storage, Check);
        if (o.Storage.Provider == "sqlite") Check(SqliteConnectionParses(o.Storage.ConnectionString), "Storage:ConnectionString", "is not a valid SQLite connection string (Key=Value pairs separated by ';')");
        Check(!string.IsNullOrWhiteSpace(o.ConfigDir), "ConfigDir", "must not be empty");
        Check(!string.IsNullOrWhiteSpace(o.DataDir), "DataDir", "must not be empty");
        Check(o.Fetch.TimeoutSeconds is >= 1 and <= 600, "Fetch:TimeoutSeconds", $"{o.Fetch.TimeoutSeconds} is outside 1–600");
        Check(o.Fetch.MaxBodyMegabytes is >= 1 and <= 1024, "Fetch:MaxBodyMegabytes", $"{o.Fetch.MaxBodyMegabytes} is outside 1–1024");
        Check(o.Fetch.MaxRedirects is >= 0 and <= 20, "Fetch:MaxRedirects", $"{o.Fetch.MaxRedirects} is outside 0–20");
        Check(o.Fetch.MaxConcurrencyPerHost is >= 1 and <= 256, "Fetch:MaxConcurrencyPerHost", $"{o.Fetch.MaxConcurrencyPerHost} is outside 1–256");
        Check(o.Polling.TickSeconds is >= 1 and <= 3600, "Polling:TickSeconds", $"{o.Polling.TickSeconds} is outside 1–3600");
        Check(o.Polling.Parallelism is >= 1 and <= 1024, "Polling:Parallelism", $"{o.Polling.Parallelism} is outside 1–1024");
        Check(o.Polling.ClaimBatch is >= 1 and <= 10_000, "Polling:ClaimBatch", $"{o.Polling.ClaimBatch} is outside 1–10000");
        Check(o.Polling.LeaseSeconds >= o.Fetch.TimeoutSeconds * 2, "Polling:LeaseSeconds",
            $"{o.Polling.LeaseSeconds} must be at least twice Fetch:TimeoutSeconds, or a slow poll could be taken twice");
        Check(o.Polling.MaxBackoffHours is > 0 and <= 48, "Polling:MaxBackoffHours", $"{o.Polling.MaxBackoffHours} is outside 0–48");
        foreach (var (key, destination) in o.Destinations) CheckDestination(o, key, destination, Check);
        Check(o.AdminDestination is null || o.AdminDestination == "console" || o.Destinations.ContainsKey(o.AdminDestination), "AdminDestination",
            $"'{o.AdminDestination}' is not a configured destination");
        Check(Uri.TryCreate(o.Discord.ApiBaseUrl, UriKind.Absolute, out _), "Discord:ApiBaseUrl", "is not an absolute address");
        Check(string.IsNullOrEmpty(o.Discord.PublicKey) || DiscordPublicKey.IsValid(o.Discord.PublicKey), "Discord:PublicKey",
            "is not an Ed25519 public key: 64 hexadecimal characters, the Public Key on the Developer Portal's General Information page");
        Check(Uri.TryCreate(o.Slack.ApiBaseUrl, UriKind.Absolute, out _), "Slack:ApiBaseUrl", "is not an absolute address");
        Check(o.Delivery.TickSeconds is >= 1 and <= 600, "Delivery:TickSeconds", $"{o.Delivery.TickSeconds} is outside 1–600");
        Check(o.Delivery.TimeoutSeconds is >= 1 and <= 120, "Delivery:TimeoutSeconds", $"{o.Delivery.TimeoutSeconds} is outside 1–120");
        Check(o.Delivery.MaxAttempts is >= 1 and <= 100, "Delivery:MaxAttempts", $"{o.Delivery.MaxAttempts} is outside 1–100");
        Check(o.Delivery.FloodBudget >= 0, "Delivery:FloodBudget", "must not be negative (0 turns digests off)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>PostgreSQL needs a connection string that parses. The message never repeats it: it may carry a password.</summary>
    static void CheckPostgres(StorageOptions storage, Action<bool, string, string> check)
    {
        const string Key = "Storage:ConnectionString";
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            check(false, Key, "is required for postgres, e.g. Host=db;Database=borderalerts;Username=borderalerts (set the password through an environment variable)");
            return;
        }
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString);
            check(!string.IsNullOrWhiteSpace(builder.Host), Key, "names no Host");
        }
        catch (ArgumentException)
        {
            check(false, Key, "is not a valid PostgreSQL connection string (Key=Value pairs separated by ';')");
        }
    }

    /// <summary>The message that refuses it never repeats it: a connection string may carry a password.</summary>
    static bool SqliteConnectionParses(string? connectionString)
    {
        try { _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>What each destination type needs. Messages name the key, never the value: URLs and tokens are secrets.</summary>
    static void CheckDestination(BorderAlertsOptions o, string key, DestinationOptions d, Action<bool, string, string> check)
    {
        var at = $"Destinations:{key}";
        check(d.Type is not null && DestinationTypes.Contains(d.Type), $"{at}:Type", $"'{d.Type}' is not one of {string.Join(", ", DestinationTypes)}");
        bool HasUrl() => Uri.TryCreate(d.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";
        switch (d.Type)
        {
            case "discord-webhook" or "slack-webhook":
                check(HasUrl(), $"{at}:Url", "is required: the webhook address (set it through an environment variable; it is a secret)");
                break;
            case "discord-bot":
                check(!string.IsNullOrWhiteSpace(d.Channel), $"{at}:Channel", "is required: the channel id");
                check(!string.IsNullOrWhiteSpace(d.Token ?? o.Discord.BotToken), $"{at}:Token", "is required (or set Discord:BotToken)");
                break;
            case "slack":
                check(!string.IsNullOrWhiteSpace(d.Channel), $"{at}:Channel", "is required: the channel id");
                check(!string.IsNullOrWhiteSpace(d.Token ?? o.Slack.BotToken), $"{at}:Token", "is required (or set Slack:BotToken)");
                break;
        }
    }
}
