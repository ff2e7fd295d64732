using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Storage;

/// <summary>
/// The other rules an alert's item matched, read from one aggregated column of "alert id:rule id:severity" triples and
/// put in the order the alerts were written (highest severity first): SQL aggregates do not promise an order on every store.
/// </summary>
internal static class OtherRules
{
    public static IReadOnlyList<AlsoMatchedRule> Parse(string? column) => column is null ? [] : column.Split(',')
        .Select(triple => triple.Split(':', 3))
        .Where(parts => parts.Length == 3 && long.TryParse(parts[0], out _))
        .OrderBy(parts => long.Parse(parts[0]))
        .Select(parts => new AlsoMatchedRule(parts[1], Enum.TryParse<Severity>(parts[2], ignoreCase: true, out var severity) ? severity : Severity.Normal))
        .ToList();
}
