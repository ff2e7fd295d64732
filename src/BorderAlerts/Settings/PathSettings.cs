using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>Where the YAML configuration and the data live: BorderAlerts:ConfigDir and BorderAlerts:DataDir.</summary>
public sealed class PathSettings : ISettingsSection
{
    public static string Section => "BorderAlerts";

    public string ConfigDir { get; set; } = "config";
    public string DataDir { get; set; } = "data";

    public string FeedsFile => Path.Combine(ConfigDir, "feeds.yaml");
    public string RulesFile => Path.Combine(ConfigDir, "rules.yaml");
    public string WatchlistsFile => Path.Combine(ConfigDir, "watchlists.yaml");
    public string BriefingsFile => Path.Combine(ConfigDir, "briefings.yaml");
}

public sealed class PathSettingsValidator : IValidateOptions<PathSettings>
{
    public ValidateOptionsResult Validate(string? name, PathSettings o) => new SettingsProblems(PathSettings.Section)
        .Check(!string.IsNullOrWhiteSpace(o.ConfigDir), "ConfigDir", "must not be empty")
        .Check(!string.IsNullOrWhiteSpace(o.DataDir), "DataDir", "must not be empty")
        .Result;
}
