namespace BorderAlerts.Storage.Transfer;

/// <summary>
/// The first line of an export file: what it is, which format version, where it came from, and how many rows each
/// table holds (from the same snapshot as the rows), so an import can tell a complete file from a cut-off one.
/// </summary>
public sealed record ExportHeader(string Format, int FormatVersion, string Provider, int SchemaVersion, DateTimeOffset ExportedAt,
    Dictionary<string, long> Counts)
{
    public const string Name = "borderalerts-export";

    [System.Text.Json.Serialization.JsonIgnore]
    public long Total => Counts.Values.Sum();

    /// <summary>"feeds 3, items 120, …" in the format's table order.</summary>
    public string Describe() => string.Join(", ", TransferTables.All.Select(t => $"{t.Name} {Counts.GetValueOrDefault(t.Name)}"));
}

/// <summary>An export file that cannot be imported: not an export, another format version, cut off or altered. The message says which.</summary>
public sealed class TransferException(string message) : Exception(message);
