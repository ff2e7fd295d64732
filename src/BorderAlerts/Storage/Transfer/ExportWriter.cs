using System.Data.Common;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BorderAlerts.Storage.Transfer;

/// <summary>
/// Writes an export: gzip'd JSON lines. Line 1 is the <see cref="ExportHeader"/>; each table is a line
/// {"table":…,"columns":[…]} followed by one JSON array per row; the last line is {"end":true,"rows":N}. Rows are
/// written as they are read, so memory stays flat whatever the store's size. Bytes are base64.
/// </summary>
internal sealed class ExportWriter : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    readonly Stream _file;
    readonly GZipStream _gzip;
    readonly Utf8JsonWriter _json;

    public ExportWriter(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        _gzip = new GZipStream(_file, CompressionLevel.Optimal);
        _json = new Utf8JsonWriter(_gzip, new JsonWriterOptions { Encoder = Json.Encoder });
    }

    public Task WriteHeaderAsync(ExportHeader header) => LineAsync(() => JsonSerializer.Serialize(_json, header, Json));

    public Task WriteTableAsync(TransferTable table) => LineAsync(() =>
    {
        _json.WriteStartObject();
        _json.WriteString("table", table.Name);
        _json.WriteStartArray("columns");
        foreach (var column in table.Columns) _json.WriteStringValue(column.Name);
        _json.WriteEndArray();
        _json.WriteEndObject();
    });

    public Task WriteRowAsync(TransferTable table, DbDataReader row) => LineAsync(() =>
    {
        _json.WriteStartArray();
        for (int i = 0; i < table.Columns.Count; i++) WriteValue(table.Columns[i].Type, row, i);
        _json.WriteEndArray();
    });

    public Task WriteEndAsync(long rows) => LineAsync(() =>
    {
        _json.WriteStartObject();
        _json.WriteBoolean("end", true);
        _json.WriteNumber("rows", rows);
        _json.WriteEndObject();
    });

    void WriteValue(ColumnType type, DbDataReader row, int i)
    {
        if (row.IsDBNull(i)) { _json.WriteNullValue(); return; }
        switch (type)
        {
            case ColumnType.Text: _json.WriteStringValue(row.GetString(i)); break;
            case ColumnType.Long: _json.WriteNumberValue(row.GetInt64(i)); break;
            case ColumnType.Int: _json.WriteNumberValue(row.GetInt32(i)); break;
            case ColumnType.Bool: _json.WriteBooleanValue(row.GetBoolean(i)); break;
            default: _json.WriteBase64StringValue((byte[])row.GetValue(i)); break;
        }
    }

    async Task LineAsync(Action write)
    {
        write();
        await _json.FlushAsync();
        _json.Reset();
        _gzip.WriteByte((byte)'\n');
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
    }
}
