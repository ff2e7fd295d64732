namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Tests that set environment variables (the host reads its settings from them) run in this collection, one at a
/// time, so no two of them see each other's settings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}

/// <summary>Sets environment variables and puts the previous values back on dispose.</summary>
public sealed class EnvironmentScope : IDisposable
{
    readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public EnvironmentScope Set(string name, string? value)
    {
        _previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous) Environment.SetEnvironmentVariable(name, value);
    }
}
