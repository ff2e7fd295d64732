using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Tests;

/// <summary>Keeps what was logged, level and formatted message, for tests that check what an operator would read.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries { get { lock (_entries) return [.. _entries]; } }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries) _entries.Add((logLevel, formatter(state, exception)));
    }

    public bool IsEnabled(LogLevel logLevel) => true;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
}
