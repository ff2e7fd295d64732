namespace BorderAlerts.Core.Admin;

/// <summary>What admins can change: rules, feeds, mutes, scheduled jobs. Each is a row of state keyed by (kind, target).</summary>
public static class AdminKinds
{
    public const string Rule = "rule", Feed = "feed", Mute = "mute", Job = "job";
}

/// <summary>
/// One recorded write: who, when, what, and the target's state before and after (JSON, null = no override), so
/// history can show it and undo can put `Before` back.
/// </summary>
public sealed record AdminChange(long Id, DateTimeOffset At, string Actor, string Kind, string Target, string Action,
    string? Before, string? After, long? Undoes = null, long? UndoneBy = null);

/// <summary>
/// A write to apply: set (kind, target) to <see cref="After"/> (null removes the override). With <see cref="Expected"/>
/// the store applies it only if the target's state is still <c>Expected.Value</c> (what the admin saw), so two admins
/// (or an undo and an edit) racing on one target cannot silently overwrite each other.
/// </summary>
public sealed record AdminWrite(string Actor, string Kind, string Target, string Action, string? After, long? Undoes = null,
    AdminExpectation? Expected = null);

public sealed record AdminExpectation(string? Value);

/// <summary>The target changed between reading and writing; nothing was written.</summary>
public sealed class AdminConflictException(string target) : Exception($"{target} was changed by someone else meanwhile; nothing was written.")
{
    public string Target { get; } = target;
}

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

    /// <summary>Latest changes first, optionally for one target, only those older than change <paramref name="before"/> when given (paging).</summary>
    Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, long? before, int limit, CancellationToken cancellationToken);
}
