namespace BorderAlerts.Settings;

/// <summary>
/// One concern's settings, bound from its own section of the configuration and injected on its own as
/// <c>IOptions&lt;T&gt;</c>. <see cref="Section"/> is the path its keys hang under, as users write it
/// (<c>BorderAlerts:Polling</c>, or <c>BorderAlerts</c> itself for the top-level keys).
/// </summary>
public interface ISettingsSection
{
    static abstract string Section { get; }
}
