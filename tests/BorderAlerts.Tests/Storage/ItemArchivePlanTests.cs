using BorderAlerts.Storage;
using BorderAlerts.Storage.Sqlite;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Storage;

/// <summary>
/// The backtest's read (the panel's backtest chart, `rules backtest`) reaches only the window through items_first_seen: a
/// plan that scans the items table costs the whole archive, however short the window.
/// </summary>
public sealed class ItemArchivePlanTests
{
    [Fact]
    public async Task Reading_items_since_a_time_searches_the_first_seen_index_and_never_scans_the_table()
    {
        using var folder = new TempFolder(Store.Sqlite);
        var database = new SqliteDatabase($"Data Source={Path.Combine(folder.Data, "plan.db")}");
        await new SqliteMigrator(database).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ItemArchive.SinceSql;
        command.Parameters.AddWithValue("@since", 0L);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.StartsWith("SEARCH i USING INDEX items_first_seen", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN i", StringComparison.Ordinal));
    }
}
