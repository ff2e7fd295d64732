using Microsoft.Extensions.Options;

namespace BorderAlerts.Hosting;

/// <summary>Checks settings at start; each failure names the key as it is written in appsettings.json or the environment.</summary>
public sealed class BorderAlertsOptionsValidator : IValidateOptions<BorderAlertsOptions>
{
    static readonly string[] DestinationTypes = ["discord-webhook", "discord-bot", "slack", "slack-webhook", "console"];

    public ValidateOptionsResult Validate(string? name, BorderAlertsOptions o)
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string problem) { if (!ok) errors.Add($"BorderAlerts:{key}: {problem}"); }

        Check(o.Storage.Provider is "sqlite" or "postgres", "Storage:Provider", $"'{o.Storage.Provider}' is not sqlite or postgres");
        Check(o.Storage.Provider != "postgres", "Storage:Provider",
            "postgres is not available in this build yet (it arrives with the scale-out work); use sqlite");
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
        foreach (var (key, destination) in o.Destinations)
            Check(destination.Type is not null && DestinationTypes.Contains(destination.Type), $"Destinations:{key}:Type",
                $"'{destination.Type}' is not one of {string.Join(", ", DestinationTypes)}");
        Check(o.AdminDestination is null || o.Destinations.ContainsKey(o.AdminDestination), "AdminDestination",
            $"'{o.AdminDestination}' is not a configured destination");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
