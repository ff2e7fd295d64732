using Microsoft.Extensions.Options;

namespace BorderAlerts.Settings;

/// <summary>What a settings check found, each problem naming its key in full as users write it (BorderAlerts:Polling:TickSeconds).</summary>
public sealed class SettingsProblems(string section)
{
    readonly List<string> _problems = [];

    /// <summary>Records <paramref name="problem"/> for the key <paramref name="key"/> under the section unless <paramref name="ok"/>.</summary>
    public SettingsProblems Check(bool ok, string key, string problem)
    {
        if (!ok) _problems.Add($"{section}:{key}: {problem}");
        return this;
    }

    public ValidateOptionsResult Result => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);
}
