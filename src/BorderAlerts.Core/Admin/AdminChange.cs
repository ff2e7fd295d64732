namespace BorderAlerts.Core.Admin;

/// <summary>What chat admins can change: rules, feeds, mutes. Each is a row of state keyed by (kind, target).</summary>
public static class AdminKinds
{
    public const string Rule = "rule", Feed = "feed", Mute = "mute";
}

/// <summary>
/// One recorded write: who, when, what, and the target's state before and after (JSON, null = no override), so
/// history can show it and undo can put `Before` back.
/// </summary>
public sealed record AdminChange(long Id, DateTimeOffset At, string Actor, string Kind, string Target, string Action,
    string? Before, string? After, long? Undoes = null, long? UndoneBy = null);

/// <summary>A write to apply: set (kind, target) to <see cref="After"/> (null removes the override).</summary>
public sealed record AdminWrite(string Actor, string Kind, string Target, string Action, string? After, long? Undoes = null);

/// <summary>All chat-made state, as of <see cref="Version"/> (the latest change id).</summary>
public sealed record AdminState(long Version, IReadOnlyDictionary<(string Kind, string Target), string> Values)
{
    public static AdminState Empty { get; } = new(0, new Dictionary<(string, string), string>());

    public string? Get(string kind, string target) => Values.TryGetValue((kind, target), out var v) ? v : null;

    public IEnumerable<(string Target, string Value)> All(string kind) =>
        Values.Where(p => p.Key.Kind == kind).OrderBy(p => p.Key.Target, StringComparer.Ordinal).Select(p => (p.Key.Target, p.Value));
}

/// <summary>The store's side of chat administration: state, and the audit record every write leaves.</summary>
public interface IAdminStore
{
    Task<AdminState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Applies a write and records it, atomically; returns the record (with the state it replaced).</summary>
    Task<AdminChange> ApplyAsync(AdminWrite write, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Latest changes first, optionally for one target.</summary>
    Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, int limit, CancellationToken cancellationToken);
}
