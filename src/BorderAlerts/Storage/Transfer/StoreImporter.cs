using System.Data.Common;
using System.Text.Json;

namespace BorderAlerts.Storage.Transfer;

/// <summary>
/// `import FILE`: loads an export into an empty store, ids kept (so every reference stays valid), in one transaction:
/// a file that turns out cut off or damaged half-way leaves the store as empty as it was. Each table's row count must
/// match the header, and so must the store's counts before the commit. Identity sequences then continue after the
/// highest id. The search index is not in the file: the caller rebuilds it (the migrator indexes unindexed items).
/// </summary>
public sealed class StoreImporter(StoreTables tables)
{
    public async Task<ExportHeader> ImportAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new ExportReader(path);
        var header = await reader.ReadHeaderAsync(cancellationToken);
        await using var connection = await tables.OpenAsync(cancellationToken);
        await RefuseNonEmptyAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var next = await reader.NextAsync(cancellationToken);
        foreach (var table in TransferTables.All)
        {
            var copy = new TableCopy(connection, transaction, table);
            next = await CopyTableAsync(reader, copy, next, header.Counts.GetValueOrDefault(table.Name), cancellationToken);
        }
        await ReadEndAsync(reader, next, header.Total, cancellationToken);
        await tables.ResetIdentitiesAsync(connection, transaction, TransferTables.All.Where(t => t.HasIdentity).Select(t => t.Name), cancellationToken);
        foreach (var table in TransferTables.All)
        {
            var stored = await StoreExporter.CountAsync(connection, transaction, table.Name, cancellationToken);
            if (stored != header.Counts.GetValueOrDefault(table.Name))
                throw new InvalidOperationException($"{table.Name}: {stored} rows stored, the file has {header.Counts.GetValueOrDefault(table.Name)}");
        }
        await transaction.CommitAsync(cancellationToken);
        return header;
    }

    async Task RefuseNonEmptyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var filled = new List<string>();
        foreach (var table in TransferTables.All)
            if (await StoreExporter.CountAsync(connection, null, table.Name, cancellationToken) is > 0 and var n) filled.Add($"{table.Name} {n}");
        if (filled.Count > 0)
            throw new TransferException($"the {tables.Provider} store is not empty ({string.Join(", ", filled)} rows): import loads into an empty store only");
    }

    /// <summary>The table's start line, its rows, and the line after them (the next table's start, or the end).</summary>
    static async Task<JsonDocument?> CopyTableAsync(ExportReader reader, TableCopy copy, JsonDocument? line, long expected, CancellationToken cancellationToken)
    {
        var table = copy.Table;
        using (line)
        {
            if (line is null) throw reader.Problem($"the file ends before table {table.Name} (cut off?)");
            var root = line.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("table", out var name) || name.GetString() != table.Name)
                throw reader.Problem($"expected the start of table {table.Name}");
            var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
            if (!columns.SequenceEqual(table.Columns.Select(c => c.Name)))
                throw reader.Problem($"table {table.Name} has columns {string.Join(", ", columns)}; format {TransferTables.FormatVersion} has {string.Join(", ", table.Columns.Select(c => c.Name))}");
        }
        long rows = 0;
        while (true)
        {
            var next = await reader.NextAsync(cancellationToken);
            if (next is null || next.RootElement.ValueKind != JsonValueKind.Array)
            {
                if (rows != expected) throw reader.Problem($"table {table.Name} has {rows} rows; the header says {expected} (cut off or altered?)");
                await copy.FinishAsync(cancellationToken);
                return next;
            }
            using (next) await copy.AddAsync(reader.Row(table, next.RootElement), cancellationToken);
            rows++;
        }
    }

    static async Task ReadEndAsync(ExportReader reader, JsonDocument? line, long total, CancellationToken cancellationToken)
    {
        using (line)
        {
            if (line is null) throw reader.Problem("the file ends without its end line (cut off?)");
            var root = line.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("end", out _) || root.GetProperty("rows").GetInt64() != total)
                throw reader.Problem($"expected the end line with {total} rows");
        }
        using var after = await reader.NextAsync(cancellationToken);
        if (after is not null) throw reader.Problem("unexpected lines after the end line");
    }
}
