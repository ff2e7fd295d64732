using System.Data.Common;
using System.Globalization;
using BorderAlerts.Storage.Sqlite;
using Npgsql;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// Every row of every table of a store as text, columns by name and rows sorted, with the differences between the
/// providers' types taken out (SQLite's 0/1 are PostgreSQL's booleans), so a SQLite store and a PostgreSQL store can be
/// compared table by table. Tables are found in the schema itself, not taken from the export's list.
/// </summary>
public static class StoreDump
{
    /// <summary>Tables that are not the store's data: Quartz's, the search index (rebuilt), the migration record, replay keys, running instances, notices told.</summary>
    static bool Ignored(string table) => table.StartsWith("qrtz_", StringComparison.Ordinal) || table.StartsWith("search_", StringComparison.Ordinal)
        || table.StartsWith("sqlite_", StringComparison.Ordinal) || table is "schema_version" or "seen_requests" or "instances" or "source_conditions" or "panel_sign_ins" or "panel_keys" or "websub_subscriptions" or "briefing_runs";

    public static Task<Dictionary<string, List<string>>> SqliteAsync(string databaseFile) =>
        DumpAsync(async () => await new SqliteDatabase($"Data Source={databaseFile}").OpenAsync(),
            "SELECT name FROM sqlite_master WHERE type = 'table'");

    public static Task<Dictionary<string, List<string>>> PostgresAsync(string connectionString) =>
        DumpAsync(async () => { var c = new NpgsqlConnection(connectionString); await c.OpenAsync(); return c; },
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");

    static async Task<Dictionary<string, List<string>>> DumpAsync(Func<Task<DbConnection>> open, string tablesSql)
    {
        await using var connection = await open();
        var tables = new List<string>();
        await using (var list = Command(connection, tablesSql))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables.Where(t => !Ignored(t)))
        {
            var rows = new List<string>();
            await using var select = Command(connection, $"SELECT * FROM {table}");
            await using var reader = await select.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).OrderBy(reader.GetName, StringComparer.Ordinal).ToList();
            while (await reader.ReadAsync())
                rows.Add(string.Join('|', columns.Select(i => $"{reader.GetName(i)}={Cell(reader.GetValue(i))}")));
            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }
        return dump;
    }

    static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    static string Cell(object value) => value switch
    {
        DBNull => "∅",
        bool b => b ? "1" : "0",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static async Task<Dictionary<string, List<string>>> OfAsync(TempFolder folder) =>
        folder.Postgres is { } pg ? await PostgresAsync(pg.ConnectionString) : await SqliteAsync(folder.DatabaseFile);
}
