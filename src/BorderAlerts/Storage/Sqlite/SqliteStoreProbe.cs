using BorderAlerts.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// /healthz for SQLite: the file is still there (a deleted file goes unnoticed by connections already open, and the
/// next process would start an empty store), its schema is in place, and a write lock can be taken.
/// </summary>
internal sealed class SqliteStoreProbe(SqliteDatabase database) : IStoreProbe
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (database.FilePath is { } path && !File.Exists(path)) return "the database file is missing";
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await Db.Run(connection, "PRAGMA busy_timeout = 2000", cancellationToken);
            await using var version = Db.Command(connection, "PRAGMA user_version");
            if (Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken)) == 0) return "the database has no schema";
            await Db.Run(connection, "SELECT count(*) FROM feeds WHERE 0", cancellationToken);
            await Db.Run(connection, "BEGIN IMMEDIATE; ROLLBACK", cancellationToken);
            return null;
        }
        catch (SqliteException e) { return $"the database cannot be read or written (SQLite error {e.SqliteErrorCode})"; }
    }
}
