using System.Data;
using BorderAlerts.Core.Admin;
using Npgsql;

namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Chat-made state and its audit record, shared by every instance; a write and its record commit together. Writes
/// from all instances queue on one transaction-scoped advisory lock, so each reads the state it really replaces (no
/// change is lost between two instances) and change ids commit in order: a reader that has seen change N has seen
/// every change before it, which is what <see cref="AdminState.Version"/> promises.
/// </summary>
public sealed class PostgresAdminStore(PostgresDatabase database) : IAdminStore
{
    /// <summary>Advisory lock key for admin writes ("BAadmin").</summary>
    internal const long WriteLock = 0x4241_6164_6D69_6E;

    public async Task<AdminState> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot for both reads, so the version matches the values.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = (long)(await PgSql.Scalar(connection, "SELECT coalesce(max(id), 0) FROM admin_changes", cancellationToken))!;
        var values = new Dictionary<(string, string), string>();
        await using (var read = PgSql.Command(connection, "SELECT kind, target, value FROM admin_state"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) values[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        await transaction.CommitAsync(cancellationToken);
        return new AdminState(version, values);
    }

    public Task<AdminChange> ApplyAsync(AdminWrite write, DateTimeOffset at, CancellationToken cancellationToken) =>
        PostgresRetry.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await PgSql.Run(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", WriteLock));
            var before = await PgSql.Scalar(connection, "SELECT value FROM admin_state WHERE kind = @kind AND target = @target", cancellationToken,
                ("kind", write.Kind), ("target", write.Target)) as string;
            if (write.Expected is { } expected && expected.Value != before) throw new AdminConflictException(write.Target);
            if (write.Undoes is { } undoing && await PgSql.Scalar(connection, "SELECT undone_by IS NOT NULL FROM admin_changes WHERE id = @id",
                    cancellationToken, ("id", undoing)) is true)
                throw new AdminConflictException(write.Target);
            await PgSql.Run(connection, write.After is null
                ? "DELETE FROM admin_state WHERE kind = @kind AND target = @target"
                : "INSERT INTO admin_state (kind, target, value) VALUES (@kind, @target, @value) ON CONFLICT (kind, target) DO UPDATE SET value = excluded.value",
                cancellationToken, ("kind", write.Kind), ("target", write.Target), ("value", write.After));
            var id = (long)(await PgSql.Scalar(connection, """
                INSERT INTO admin_changes (at, actor, kind, target, action, before, after, undoes)
                VALUES (@at, @actor, @kind, @target, @action, @before, @after, @undoes) RETURNING id
                """, cancellationToken, ("at", PgSql.Ms(at)), ("actor", write.Actor), ("kind", write.Kind), ("target", write.Target),
                ("action", write.Action), ("before", before), ("after", write.After), ("undoes", write.Undoes)))!;
            if (write.Undoes is { } undone)
                await PgSql.Run(connection, "UPDATE admin_changes SET undone_by = @id WHERE id = @undone", cancellationToken, ("id", id), ("undone", undone));
            await transaction.CommitAsync(cancellationToken);
            return new AdminChange(id, at, write.Actor, write.Kind, write.Target, write.Action, before, write.After, write.Undoes);
        });

    public async Task<IReadOnlyList<AdminChange>> HistoryAsync(string? target, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var read = PgSql.Command(connection, $"""
            SELECT id, at, actor, kind, target, action, before, after, undoes, undone_by FROM admin_changes
            {(target is null ? "" : "WHERE target = @target")} ORDER BY id DESC LIMIT @limit
            """, target is null ? [("limit", limit)] : [("target", target), ("limit", limit)]);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var changes = new List<AdminChange>();
        while (await reader.ReadAsync(cancellationToken))
            changes.Add(new AdminChange(reader.GetInt64(0), PgSql.Time(reader, 1)!.Value, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), PgSql.Text(reader, 6), PgSql.Text(reader, 7), Long(reader, 8), Long(reader, 9)));
        return changes;
    }

    static long? Long(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
