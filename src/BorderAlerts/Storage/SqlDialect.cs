using System.Text.Json;

namespace BorderAlerts.Storage;

/// <summary>
/// The few spellings that differ between the stores in statements that are otherwise one SQL text (both drivers read
/// `@name` parameters): string aggregation, a set of ids bound as one parameter (<see cref="Ids"/>, named @ids) tested
/// with <see cref="InIds"/> or read as rows of one column `id` with <see cref="IdRows"/>, and how a claim locks its rows.
/// </summary>
internal sealed record SqlDialect(string StringAgg, string InIds, string IdRows, Func<IEnumerable<long>, object> Ids, string SkipLocked)
{
    /// <summary>Ids as one JSON array (a variable per id would meet SQLite's variable limit); one writer, so no row locks.</summary>
    public static readonly SqlDialect Sqlite = new("group_concat", "IN (SELECT value FROM json_each(@ids))",
        "SELECT value AS id FROM json_each(@ids)", ids => JsonSerializer.Serialize(ids), SkipLocked: "");

    /// <summary>Ids as an array; instances claiming at once skip each other's locked rows, so each takes disjoint ones.</summary>
    public static readonly SqlDialect Postgres = new("string_agg", "= ANY(@ids)", "SELECT unnest(@ids) AS id", ids => ids.ToArray(),
        SkipLocked: " FOR UPDATE OF d SKIP LOCKED");
}
