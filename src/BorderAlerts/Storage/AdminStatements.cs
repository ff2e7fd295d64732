using System.Data.Common;
using BorderAlerts.Core.Admin;

namespace BorderAlerts.Storage;

/// <summary>
/// Chat-made state and its audit record, one SQL text for both stores. Each runs in the caller's transaction: a load
/// in one snapshot (so the version matches the values), a write under the store's writers' lock (so it reads the
/// state it really replaces, and its record commits with it).
/// </summary>
internal static class AdminStatements
{
    public static async Task<AdminState> LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var version = (long)(await Db.Scalar(connection, "SELECT coalesce(max(id), 0) FROM admin_changes", cancellationToken))!;
        var values = new Dictionary<(string, string), string>();
        await using var read = Db.Command(connection, "SELECT kind, target, value FROM admin_state");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) values[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return new AdminState(version, values);
    }

    /// <summary>Refused with <see cref="AdminConflictException"/> when the target is not as the admin saw it, or the change to undo is undone.</summary>
    public static async Task<AdminChange> ApplyAsync(DbConnection connection, AdminWrite write, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var before = await Db.Scalar(connection, "SELECT value FROM admin_state WHERE kind = @kind AND target = @target", cancellationToken,
            ("kind", write.Kind), ("target", write.Target)) as string;
        if (write.Expected is { } expected && expected.Value != before) throw new AdminConflictException(write.Target);
        if (write.Undoes is { } undoing && Convert.ToInt64(await Db.Scalar(connection,
                "SELECT count(*) FROM admin_changes WHERE id = @id AND undone_by IS NOT NULL", cancellationToken, ("id", undoing))) > 0)
            throw new AdminConflictException(write.Target);
        await Db.Run(connection, write.After is null
            ? "DELETE FROM admin_state WHERE kind = @kind AND target = @target"
            : "INSERT INTO admin_state (kind, target, value) VALUES (@kind, @target, @value) ON CONFLICT (kind, target) DO UPDATE SET value = excluded.value",
            cancellationToken, ("kind", write.Kind), ("target", write.Target), ("value", write.After));
        var id = (long)(await Db.Scalar(connection, """
            INSERT INTO admin_changes (at, actor, kind, target, action, before, after, undoes)
            VALUES (@at, @actor, @kind, @target, @action, @before, @after, @undoes) RETURNING id
            """, cancellationToken, ("at", Db.Ms(at)), ("actor", write.Actor), ("kind", write.Kind), ("target", write.Target),
            ("action", write.Action), ("before", before), ("after", write.After), ("undoes", write.Undoes)))!;
        if (write.Undoes is { } undone)
            await Db.Run(connection, "UPDATE admin_changes SET undone_by = @id WHERE id = @undone", cancellationToken, ("id", id), ("undone", undone));
        return new AdminChange(id, at, write.Actor, write.Kind, write.Target, write.Action, before, write.After, write.Undoes);
    }

    /// <summary>The latest changes first, of one target or of all, older than change <paramref name="before"/> when given.</summary>
    public static async Task<IReadOnlyList<AdminChange>> HistoryAsync(DbConnection connection, string? target, long? before, int limit,
        CancellationToken cancellationToken)
    {
        await using var read = Db.Command(connection, $"""
            SELECT id, at, actor, kind, target, action, before, after, undoes, undone_by FROM admin_changes
            WHERE id < @before{(target is null ? "" : " AND target = @target")} ORDER BY id DESC LIMIT @limit
            """, target is null ? [("before", before ?? long.MaxValue), ("limit", limit)] : [("before", before ?? long.MaxValue), ("target", target), ("limit", limit)]);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var changes = new List<AdminChange>();
        while (await reader.ReadAsync(cancellationToken))
            changes.Add(new AdminChange(reader.GetInt64(0), Db.Time(reader, 1)!.Value, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Db.Text(reader, 6), Db.Text(reader, 7), Db.Long(reader, 8), Db.Long(reader, 9)));
        return changes;
    }
}
