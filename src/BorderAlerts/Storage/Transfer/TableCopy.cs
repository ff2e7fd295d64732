using System.Data.Common;
using System.Text;

namespace BorderAlerts.Storage.Transfer;

/// <summary>
/// Inserts one table's rows, ids included, as multi-row INSERTs of up to 200 rows or ~4 MB (the same SQL on SQLite and
/// PostgreSQL). A column that may point at a later row of the table (<see cref="TransferTable.Later"/>) is inserted
/// empty and set once the whole table is in, so the foreign key holds at every statement.
/// </summary>
internal sealed class TableCopy(DbConnection connection, DbTransaction transaction, TransferTable table)
{
    const int MaxRows = 200;
    const long MaxBytes = 4 << 20;
    readonly List<object[]> _rows = [];
    readonly List<(object Id, object Value)> _later = [];
    long _bytes;

    public TransferTable Table => table;

    public async Task AddAsync(object[] row, CancellationToken cancellationToken)
    {
        if (table.Later is { } later)
        {
            var i = Index(later);
            if (row[i] is not DBNull) _later.Add((row[Index("id")], row[i]));
            row[i] = DBNull.Value;
        }
        _rows.Add(row);
        _bytes += row.Sum(v => v switch { byte[] b => b.Length, string s => s.Length * 2, _ => 8 });
        if (_rows.Count >= MaxRows || _bytes >= MaxBytes) await FlushAsync(cancellationToken);
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (table.Later is not { } later) return;
        foreach (var (id, value) in _later)
        {
            await using var command = Command($"UPDATE {table.Name} SET {later} = @v WHERE id = @id");
            Add(command, "v", value, table.Columns[Index(later)]);
            Add(command, "id", id, table.Columns[Index("id")]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows.Count == 0) return;
        var sql = new StringBuilder($"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ");
        await using var command = Command("");
        for (int r = 0; r < _rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append($"@p{r}_{c}");
                Add(command, $"p{r}_{c}", _rows[r][c], table.Columns[c]);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
        _rows.Clear();
        _bytes = 0;
    }

    DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    static void Add(DbCommand command, string name, object value, TransferColumn column)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = column.DbType; // typed even when null, so PostgreSQL never has to guess
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    int Index(string column) => table.Columns.ToList().FindIndex(c => c.Name == column);
}
