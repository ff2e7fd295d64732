using System.Text.Json;

namespace BorderAlerts.Storage;

/// <summary>
/// The few spellings that differ between the stores in statements that are otherwise one SQL text (both drivers read
/// `@name` parameters): string aggregation; a set of values bound as the one parameter @set (<see cref="Set{T}"/>),
/// tested with <see cref="InSet"/> or read as rows of one column `value` with <see cref="SetRows"/>; and how a claim
/// locks its rows.
/// </summary>
internal sealed record SqlDialect(string StringAgg, string InSet, string SetRows, bool SetsAsJson, string SkipLocked)
{
    /// <summary>A set as one JSON array (a variable per value would meet SQLite's variable limit); one writer, so no row locks.</summary>
    public static readonly SqlDialect Sqlite = new("group_concat", "IN (SELECT value FROM json_each(@set))",
        "SELECT value FROM json_each(@set)", SetsAsJson: true, SkipLocked: "");

    /// <summary>A set as an array; instances claiming at once skip each other's locked rows, so each takes disjoint ones.</summary>
    public static readonly SqlDialect Postgres = new("string_agg", "= ANY(@set)", "SELECT unnest(@set) AS value", SetsAsJson: false,
        SkipLocked: " FOR UPDATE OF d SKIP LOCKED");

    /// <summary>The value of @set.</summary>
    public object Set<T>(IEnumerable<T> values) => SetsAsJson ? JsonSerializer.Serialize(values) : values.ToArray();
}
