namespace BorderAlerts.Benchmarks.Panel;

/// <summary>The pages the panel benchmark requests, each with its p95 limit in milliseconds (issue 19).</summary>
internal static class PanelPages
{
    public static IReadOnlyList<(string Path, int LimitMs)> All(string rule) =>
    [
        ("/panel", 300),
        ("/panel/feeds", 300),
        ("/panel/feeds?sort=-items&page=200", 300),
        ("/panel/feeds?sort=-last-success&page=400", 300),
        ("/panel/rules", 300),
        ($"/panel/rules/edit?id={rule}", 300),
        ($"/panel/rules/edit?id={rule}&text={Uri.EscapeDataString("North Korean tanker seized near Dandong for sanctions evasion")}", 300),
    ];
}
