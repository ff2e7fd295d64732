using BorderAlerts.Commands;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Storage;
using BorderAlerts.Hosting;
using BorderAlerts.Storage.Transfer;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Cli;

/// <summary>
/// `export` and `import` (README, "Moving to PostgreSQL"): a SQLite store filled by real polls, deliveries and chat
/// writes arrives in PostgreSQL (or another SQLite store) row for row, with the same search and history answers; an
/// import into a store that is not empty, or from a damaged, cut-off or foreign file, is refused and changes nothing.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class StoreTransferTests(FeedServer server, FakeDiscord discord) : IClassFixture<FeedServer>, IClassFixture<FakeDiscord>
{
    static readonly string[] Queries = ["丹东", "Dandong since:3650d", "新义州 OR 煤炭", "source:wire-en"];

    /// <summary>A SQLite store as a running service leaves it: two feeds sharing items, alerts sent to Discord, chat changes with an undo,
    /// a watchlist's copy.</summary>
    async Task<ChatHost> FillAsync(string webhook)
    {
        var session = new CliSession();
        var start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));
        var stories = Enumerable.Range(0, 12).Select(FeedXml.Story(start)).ToList();
        var kyodo = server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", stories), Responses.Rss, etag: "\"k1\""));
        var wire = server.Serve(Responses.Bytes(FeedXml.Rss("wire", [.. stories.Take(4),
            new Entry("Dandong customs seize smuggled coal", "https://example.org/en/1", Text: "Customs in Dandong seized coal from the DPRK.")]), Responses.Rss));
        session.WriteFeeds($"""
            feeds:
              - id: kyodo-zh
                url: {kyodo}
                language: zh-Hans
                backfill: true
              - id: wire-en
                url: {wire}
                language: en
                backfill: true
            """);
        File.WriteAllText(session.Folder.RulesYaml, """
            rules:
              - id: border-trade
                name: Border trade
                query: 丹东 OR Dandong
                severity: high
                to: [main]
            """);
        ListFiles.Configure(session.Folder, server.Serve(ListFiles.Xml(ListFiles.Ofac(ListFiles.Firms(3)), "\"v1\""), "sdn.xml"));
        var host = await ChatHost.StartAsync(session, ("Destinations__main__Type", "discord-webhook"),
            ("Destinations__main__Url", discord.WebhookUrl(webhook).ToString()), ("Delivery__FloodBudget", "0"));
        await host.PollAllAsync();
        await ListFiles.RefreshAsync(host.Services);
        await host.DiscordAsync("rules", "add", new { id = "border-coal", query = "丹东 AND 煤炭", severity = "high" }, admin: true);
        await host.DiscordAsync("rules", "disable", new { id = "border-trade" }, admin: true);
        await host.DiscordAsync("mute", null, new { target = "border-coal", duration = "2h" }, admin: true);
        await host.DiscordAsync("rules", "undo", null, admin: true); // undone_by points at a later change
        var probe = StoreProbe.For(host.Services);
        await Eventually.TrueAsync(async () => await probe.CountAsync("deliveries", "status = 'sent'") == await probe.CountAsync("deliveries"),
            "the delivery job has sent every alert");
        var item = (await probe.ItemsAsync())[0].Id;
        await host.Services.GetRequiredService<ITranslationStore>().SaveAsync(
            [new StoredTranslation(item, TranslatedFields.Title, "en", "Dandong customs seize coal", "deepl", start)], CancellationToken.None);
        await host.StopAsync();
        return host;
    }

    /// <summary>What chat users would be told: search answers and the change history, through the command dispatcher.</summary>
    static async Task<List<string>> AnswersAsync()
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        var dispatcher = app.Services.GetRequiredService<CommandDispatcher>();
        var caller = new Caller("discord", "u-reader", "bob", false);
        var answers = new List<string>();
        foreach (var query in Queries)
        {
            var reply = await dispatcher.HandleAsync(new CommandRequest("search", null, new Dictionary<string, string> { ["query"] = query }, caller), CancellationToken.None);
            answers.Add(reply.Text + string.Join('\n', reply.Hits?.Select(h => $"{h.Item.Id} {h.Item.Title}") ?? []));
        }
        answers.Add((await dispatcher.HandleAsync(new CommandRequest("rules", "history", new Dictionary<string, string>(), caller), CancellationToken.None)).Text);
        return answers;
    }

    static void AssertSameTables(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        Assert.Equal(TransferTables.All.Select(t => t.Name).Order(), expected.Keys.Order()); // the export covers every table of the schema
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected) Assert.True(rows.SequenceEqual(actual[table]), $"table {table} differs");
    }

    [PostgresFact]
    public async Task A_SQLite_store_exported_and_imported_into_PostgreSQL_has_the_same_rows_and_answers()
    {
        await using var host = await FillAsync("xfer-pg");
        var session = host.Session;
        var file = Path.Combine(session.Folder.Root, "store.jsonl.gz");
        var export = await session.RunAsync("export", file);
        var sqliteAnswers = await AnswersAsync();
        using var target = TestPostgres.CreateDatabase();
        session.Environment.Set("BorderAlerts__Storage__Provider", "postgres").Set("BorderAlerts__Storage__ConnectionString", target.ConnectionString);
        var import = await session.RunAsync("import", file);

        Assert.Equal((0, ""), (export.ExitCode, export.Stderr));
        Assert.Equal((0, ""), (import.ExitCode, import.Stderr));
        Assert.Contains("search index rebuilt", import.Stdout);
        Assert.DoesNotContain("Password=", import.Stdout + export.Stdout);
        var source = await StoreDump.SqliteAsync(session.Folder.DatabaseFile);
        Assert.True(source["deliveries"].Count > 0 && source["admin_changes"].Count == 4 && source["translations"].Count == 1 && source["sightings"].Count > source["items"].Count
            && source["watchlist_entries"].Count == 3 && source["watchlist_state"].Count == 1);
        AssertSameTables(source, await StoreDump.PostgresAsync(target.ConnectionString));
        Assert.Equal(sqliteAnswers, await AnswersAsync());
        await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        Assert.True(await Scalar(connection, "SELECT (SELECT sum(items) FROM search_segments WHERE ready) = (SELECT COUNT(*) FROM items)") is true);
        foreach (var table in TransferTables.All.Where(t => t.HasIdentity).Select(t => t.Name)) // new rows get ids after the imported ones
            Assert.True(await Scalar(connection, $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) > (SELECT COALESCE(MAX(id), 0) FROM {table})") is true, table);
    }

    static async Task<object?> Scalar(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task A_SQLite_store_exported_and_imported_into_another_SQLite_store_has_the_same_rows()
    {
        await using var host = await FillAsync("xfer-sqlite");
        var session = host.Session;
        var file = Path.Combine(session.Folder.Root, "store.jsonl.gz");
        Assert.Equal(0, (await session.RunAsync("export", file)).ExitCode);
        var answers = await AnswersAsync();
        using var target = new TempFolder();
        session.Environment.Set("BorderAlerts__DataDir", target.Data);
        var import = await session.RunAsync("import", file);

        Assert.Equal((0, ""), (import.ExitCode, import.Stderr));
        AssertSameTables(await StoreDump.SqliteAsync(session.Folder.DatabaseFile), await StoreDump.SqliteAsync(target.DatabaseFile));
        Assert.Equal(answers, await AnswersAsync());
    }
}
