using BorderAlerts.Core.Admin;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>Chat-made state and its audit record; a write and its record commit together.</summary>
public sealed class SqliteAdminStore(SqliteDatabase database) : IAdminStore
{
    public async Task<AdminState> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken); // one snapshot for both reads
        await using var version = Sql.Command(connection, "SELECT coalesce(max(id), 0) FROM admin_changes");
        var at = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
        var values = new Dictionary<(string, string), string>();
        await using var read = Sql.Command(connection, "SELECT kind, target, value FROM admin_state");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) values[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return new AdminState(at, values);
    }

    public async Task<AdminChange> ApplyAsync(AdminWrite write, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var read = Sql.Command(connection, "SELECT value FROM admin_state WHERE kind = $kind AND target = $target",
                ("$kind", write.Kind), ("$target", write.Target));
            var before = await read.ExecuteScalarAsync(cancellationToken) as string;
            await Sql.Run(connection, write.After is null
                ? "DELETE FROM admin_state WHERE kind = $kind AND target = $target"
                : "INSERT INTO admin_state (kind, target, value) VALUES ($kind, $target, $value) ON CONFLICT DO UPDATE SET value = excluded.value",
                cancellationToken, ("$kind", write.Kind), ("$target", write.Target), ("$value", write.After));
            await using var insert = Sql.Command(connection, """
                INSERT INTO admin_changes (at, actor, kind, target, action, before, after, undoes)
                VALUES ($at, $actor, $kind, $target, $action, $before, $after, $undoes) RETURNING id
                """, ("$at", Sql.Ms(at)), ("$actor", write.Actor), ("$kind", write.Kind), ("$target", write.Target),
                ("$action", write.Action), ("$before", before), ("$after", write.After), ("$undoes", write.Undoes));
            var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            if (write.Undoes is { } undone)
                await Sql.Run(connection, "UPDATE admin_changes SET undone_by = $id WHERE id = $undone", cancellationToken, ("$id", id), ("$undone", undone));
            await transaction.CommitAsync(cancellationToken);
            return new AdminChange(id, at, write.Actor, write.Kind, write.Target, write.Action, before, write.After, write.Undoes);
        }
        finally { database.WriteLock.Release(); }
    }

    public async Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var read = Sql.Command(connection, """
            SELECT id, at, actor, kind, target, action, before, after, undoes, undone_by FROM admin_changes
            WHERE $target IS NULL OR target = $target ORDER BY id DESC LIMIT $limit
            """, ("$target", target), ("$limit", limit));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var changes = new List<AdminChange>();
        while (await reader.ReadAsync(cancellationToken))
            changes.Add(new AdminChange(reader.GetInt64(0), Sql.Time(reader, 1)!.Value, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Sql.Text(reader, 6), Sql.Text(reader, 7), Long(reader, 8), Long(reader, 9)));
        return changes;
    }

    static long? Long(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
