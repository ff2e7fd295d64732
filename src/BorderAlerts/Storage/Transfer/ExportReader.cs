using System.IO.Compression;
using System.Text.Json;

namespace BorderAlerts.Storage.Transfer;

/// <summary>
/// Reads an export line by line (see <see cref="ExportWriter"/>), one line ahead, so memory stays flat. Anything that is
/// not what the format promises — not gzip, not JSON, another format version, a table or column out of place, a value
/// of the wrong kind, a file cut off — is a <see cref="TransferException"/> naming the file and the line.
/// </summary>
internal sealed class ExportReader : IDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _path;
    readonly StreamReader _text;
    int _line;

    public ExportReader(string path)
    {
        _path = path;
        _text = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), System.Text.Encoding.UTF8);
    }

    public TransferException Problem(string what) => new(_line == 0 ? $"{_path}: {what}" : $"{_path}:{_line}: {what}");

    /// <summary>The next line, parsed; null at the end of the file.</summary>
    public async Task<JsonDocument?> NextAsync(CancellationToken cancellationToken)
    {
        string? line;
        try { line = await _text.ReadLineAsync(cancellationToken); }
        catch (InvalidDataException e) { throw Problem($"not a gzip'd BorderAlerts export, or damaged ({e.Message})"); }
        catch (EndOfStreamException) { throw Problem("the file ends in the middle (cut off?)"); }
        if (line is null) return null;
        _line++;
        try { return JsonDocument.Parse(line); }
        catch (JsonException e) { throw Problem($"not a line of an export ({e.Message})"); }
    }

    public async Task<ExportHeader> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        using var first = await NextAsync(cancellationToken) ?? throw Problem("the file is empty");
        ExportHeader? header;
        try { header = first.RootElement.Deserialize<ExportHeader>(Json); }
        catch (JsonException) { header = null; }
        if (header?.Format != ExportHeader.Name || header.Counts is null) throw Problem($"not a BorderAlerts export (no '{ExportHeader.Name}' header)");
        if (header.FormatVersion != TransferTables.FormatVersion)
            throw Problem($"export format version {header.FormatVersion} is not supported (this version reads format {TransferTables.FormatVersion})");
        var unknown = header.Counts.Keys.Where(k => TransferTables.Find(k) is null).ToList();
        if (unknown.Count > 0) throw Problem($"unknown table {string.Join(", ", unknown)} in the header");
        return header;
    }

    /// <summary>A row's values as the store takes them; null (DBNull) where the file has null.</summary>
    public object[] Row(TransferTable table, JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != table.Columns.Count)
            throw Problem($"a row of {table.Name} must be an array of {table.Columns.Count} values");
        var values = new object[table.Columns.Count];
        int i = 0;
        foreach (var cell in row.EnumerateArray())
        {
            var column = table.Columns[i];
            try { values[i++] = Value(column.Type, cell); }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                throw Problem($"{table.Name}.{column.Name}: {cell.ValueKind} is not a {column.Type} value");
            }
        }
        return values;
    }

    static object Value(ColumnType type, JsonElement cell) => cell.ValueKind == JsonValueKind.Null ? DBNull.Value : type switch
    {
        ColumnType.Text => cell.GetString()!,
        ColumnType.Long => cell.GetInt64(),
        ColumnType.Int => cell.GetInt32(),
        ColumnType.Bool => cell.GetBoolean(),
        _ => cell.GetBytesFromBase64(),
    };

    public void Dispose() => _text.Dispose();
}
