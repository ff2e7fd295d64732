namespace BorderAlerts.Benchmarks.Panel;

/// <summary>The pages the panel benchmark requests, each with its p95 limit in milliseconds (issue 19: pages 300 ms, the backtest chart 1 s).</summary>
internal static class PanelPages
{
    const int Page = 300, Backtest = 1000;

    public static IReadOnlyList<(string Path, int LimitMs)> All(string rule, string busyFeed)
    {
        static string Q(string text) => Uri.EscapeDataString(text);
        return
        [
            ("/panel", Page),
            ("/panel/feeds", Page),
            ("/panel/feeds?sort=-items&page=200", Page),
            ("/panel/feeds?sort=-last-success&page=400", Page),
            ($"/panel/feeds/source?id={busyFeed}", Page),
            ("/panel/rules", Page),
            ($"/panel/rules/edit?id={rule}", Page),
            ($"/panel/rules/edit?id={rule}&text={Q("North Korean tanker seized near Dandong for sanctions evasion")}", Page),
            ($"/panel/rules/preview?id={rule}&query={Q("@dandong AND (走私 OR smuggl*)")}&text={Q("丹东海关查获走私煤炭")}", Page),
            ("/panel/search?q=" + Q("sanctions"), Page),
            ("/panel/search?q=" + Q("丹东 OR 단둥") + "&page=3", Page),
            ("/panel/search?q=" + Q("@dprk AND since:30d"), Page),
            ("/panel/alerts", Page),
            ("/panel/alerts?status=dead", Page),
            ("/panel/alerts?status=sent&page=50", Page),
            ("/panel/history", Page),
            ($"/panel/rules/backtest?id={rule}", Backtest),
            ("/panel/rules/backtest?query=" + Q("sanctions OR 制裁 OR 제재"), Backtest),
        ];
    }
}
