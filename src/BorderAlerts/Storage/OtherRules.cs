namespace BorderAlerts.Storage;

/// <summary>
/// The other rules an alert's item matched, read from one aggregated column of "alert id:rule id" pairs and put in the
/// order the alerts were written (highest severity first): SQL aggregates do not promise an order on every store.
/// </summary>
internal static class OtherRules
{
    public static IReadOnlyList<string> Parse(string? column) => column is null ? [] : column.Split(',')
        .Select(pair => pair.Split(':', 2))
        .Where(parts => parts.Length == 2 && long.TryParse(parts[0], out _))
        .OrderBy(parts => long.Parse(parts[0]))
        .Select(parts => parts[1]).ToList();
}
