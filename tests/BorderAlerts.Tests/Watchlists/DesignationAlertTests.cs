using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Watchlists;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Watchlists;

/// <summary>
/// A watchlist end to end: the list refreshed from a loopback server into the store, compiled into the rules as
/// <c>@ofac-sdn</c>, a news item naming a designated vessel alerts, and its card shows the entry as the list publishes it.
/// </summary>
public sealed class DesignationAlertTests(FeedServer server, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_refreshed_list_alerts_on_a_designated_vessel_named_in_the_news_and_the_card_shows_its_entry(Store store)
    {
        var folder = new TempFolder(store);
        ListFiles.Configure(folder, server.Serve(Responses.Fixture("watchlists/ofac_sdn.xml", "application/xml", etag: "\"v1\""), "sdn.xml"));
        File.WriteAllText(folder.RulesYaml, "rules:\n  - id: designee\n    name: Designated entity named\n    query: '@ofac-sdn'\n    severity: critical\n");
        await using var reports = new OutletReports(server, folder, await Pipeline.StartAsync(folder, ("Delivery:FloodBudget", "0")));
        var services = reports.Pipeline.Services;

        await ListFiles.RefreshAsync(services);
        await services.GetRequiredService<StoredWatchlistCatalog>().RefreshAsync(CancellationToken.None);
        services.GetRequiredService<FileRuleSource>().ReloadNow();
        await reports.ReportAsync("wire", new Entry("Tanker Yuk Tung seen in a ship-to-ship transfer off Nampo", "https://example.org/1"), language: "en");
        await reports.ReportAsync("wire", new Entry("Yuk Tung dim sum restaurant reopens", "https://example.org/2"), language: "en");

        var cards = reports.Pipeline.Cards.ToString();
        Assert.Contains("[ALERT CRITICAL] designee", cards);
        Assert.Contains("  designated: YUK TUNG — OFAC SDN list · vessel · DPRK3", cards);
        Assert.Contains("IMO 9030591", cards);
        Assert.Contains("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23614", cards);
        Assert.DoesNotContain("dim sum", cards); // two words without a vessel word near them are not the vessel
    }

    [Fact]
    public async Task New_designations_are_told_to_the_destinations_of_the_rules_naming_the_list()
    {
        using var folder = new TempFolder();
        var url = server.Serve(ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(3)), "\"v1\""), "sdn.xml");
        ListFiles.Configure(folder, url);
        File.WriteAllText(folder.RulesYaml, """
            rules:
              - id: designee
                query: '@ofac-sdn'
                to: [team]
              - id: other
                query: coal
                to: [elsewhere]
            """);
        var (team, elsewhere) = (discord.AddWebhook("9101", "team-token"), discord.AddWebhook("9102", "other-token"));
        await using var instance = await Pipeline.StartAsync(folder, ("Destinations:team:Type", "discord-webhook"), ("Destinations:team:Url", team.ToString()),
            ("Destinations:elsewhere:Type", "discord-webhook"), ("Destinations:elsewhere:Url", elsewhere.ToString()),
            ("Destinations:ops:Type", "console"), ("AdminDestination", "ops"));
        var (rules, delivery) = (instance.Services.GetRequiredService<IRuleSource>(), instance.Services.GetRequiredService<DeliveryRunner>());

        var seeded = await ListFiles.RefreshAsync(instance.Services); // a list's first copy is not news
        await DesignationNews.TellAsync(seeded, rules.Current, delivery, "ops");
        server.Answer(url, ListFiles.Xml(ListFiles.Ofac([.. ListFiles.Firms(3), new Designation(77, "KUMSAN", "Vessel")]), "\"v2\""));
        await DesignationNews.TellAsync(await ListFiles.RefreshAsync(instance.Services), rules.Current, delivery, "ops");

        var told = Assert.Single(discord.Messages, m => m.WebhookId == "9101");
        Assert.Equal("⚠️ 1 new DPRK designation on the OFAC SDN list: KUMSAN (vessel, DPRK3).",
            System.Text.RegularExpressions.Regex.Replace(told.Content!, @"\\(.)", "$1")); // Discord shows escapes as the character
        Assert.DoesNotContain(discord.Messages, m => m.WebhookId == "9102");
        Assert.Contains("[NOTICE] 1 new DPRK designation on the OFAC SDN list: KUMSAN (vessel, DPRK3).", instance.Cards.ToString());
    }
}
