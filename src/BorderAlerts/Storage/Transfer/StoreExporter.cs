using System.Data.Common;

namespace BorderAlerts.Storage.Transfer;

/// <summary>
/// `export FILE`: the whole store, one consistent snapshot, streamed table by table into one file. The file appears
/// only when complete (written beside it, then renamed), so a failed export never leaves a file that looks whole.
/// </summary>
public sealed class StoreExporter(StoreTables tables, TimeProvider clock)
{
    public async Task<ExportHeader> ExportAsync(string path, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var snapshot = await tables.BeginSnapshotAsync(connection, cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var table in TransferTables.All) counts[table.Name] = await CountAsync(connection, snapshot, table.Name, cancellationToken);
        var header = new ExportHeader(ExportHeader.Name, TransferTables.FormatVersion, tables.Provider,
            await tables.SchemaVersionAsync(cancellationToken), clock.GetUtcNow(), counts);
        try
        {
            await using (var writer = new ExportWriter(partial))
            {
                await writer.WriteHeaderAsync(header);
                foreach (var table in TransferTables.All) await WriteTableAsync(writer, connection, snapshot, table, counts[table.Name], cancellationToken);
                await writer.WriteEndAsync(header.Total);
            }
            File.Move(partial, path, overwrite: true);
        }
        finally { File.Delete(partial); }
        return header;
    }

    static async Task WriteTableAsync(ExportWriter writer, DbConnection connection, DbTransaction snapshot, TransferTable table, long expected,
        CancellationToken cancellationToken)
    {
        await writer.WriteTableAsync(table);
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name} ORDER BY {table.OrderBy}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.WriteRowAsync(table, reader);
            rows++;
        }
        // The counts and the rows come from one snapshot; a difference is a bug, not a race.
        if (rows != expected) throw new InvalidOperationException($"{table.Name}: read {rows} rows, counted {expected}");
    }

    internal static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
