using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Tests.Chat;

/// <summary>Cards for renderer tests, from ordinary to hostile and oversized.</summary>
internal static class Cards
{
    public static AlertCard Ordinary(long id = 1, Severity severity = Severity.High) => new()
    {
        AlertId = id,
        Title = "丹东海关查获走私煤炭",
        Url = new Uri($"https://china.kyodonews.net/news/2026/11/{id}.html"),
        SourceId = "kyodo-zh-hans",
        SourceName = "共同网 Kyodo News (简体中文)",
        Language = "zh-Hans",
        PublishedUtc = new DateTimeOffset(2026, 11, 30, 0, 15, 0, TimeSpan.Zero),
        PublishedLocal = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.FromHours(9)),
        Severity = severity,
        RuleId = "border-smuggling",
        RuleName = "Smuggling at the China–DPRK border",
        SourceKind = "wire",
        AlsoMatched = [new AlsoMatchedRule("dprk-trade", Severity.Normal)],
        Terms = ["丹东 → Dandong", "走私 → smuggling"],
        Story = "First report of this story",
        Summary = "【共同社电】丹东海关查获一批走私煤炭。",
        SummaryHighlights = [new Highlight(6, 2), new Highlight(14, 2)],
        TranslateUrl = new Uri("https://translate.google.com/translate?sl=auto&tl=en&u=x"),
    };

    /// <summary>Every field far past every limit, with mentions, markdown and links planted by the feed.</summary>
    public static AlertCard Hostile(long id = 2) => Ordinary(id) with
    {
        Title = "@everyone <@&123> **bold** [phish](https://evil.example) " + new string('标', 400),
        SourceName = "@here " + new string('S', 500),
        RuleName = new string('R', 400),
        Terms = Enumerable.Range(0, 300).Select(i => $"term{i} <!channel> → label{i}").ToList(),
        AlsoMatched = Enumerable.Range(0, 200).Select(i => new AlsoMatchedRule($"rule-{i}-" + new string('x', 40), Severity.Low)).ToList(),
        Story = "Not the first report · 2147483647 outlets so far",
        Summary = "<!channel> @channel @here *x* _y_ ~z~ `c` > quote &amp; " + string.Concat(Enumerable.Repeat("制裁 sanctions 😀 ", 900)),
        SummaryHighlights = [new Highlight(0, 10), new Highlight(70, 2)],
        AlsoReportedBy = Enumerable.Range(0, 200).Select(i => $"outlet {i}").ToList(),
        Designations = Enumerable.Range(0, CardDesignation.MaxPerCard).Select(i => new CardDesignation("@here list " + new string('L', 300), "vessel",
            $"<!channel> @everyone **NAME {i}** [x](https://evil.example) " + new string('N', 400), ["@everyone", "DPRK3"], new DateOnly(2020, 1, 1),
            ["IMO 9030591"], new Uri("https://evil.example/(entry)"))).ToList(),
    };

    /// <summary>An ordinary card whose item named a designated vessel.</summary>
    public static AlertCard Designated() => Ordinary() with
    {
        Designations = [new CardDesignation("OFAC SDN list", "vessel", "CHON MA SAN", ["DPRK3"], new DateOnly(2018, 2, 23), ["IMO 8660313"],
            new Uri("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23456"))],
    };
}
