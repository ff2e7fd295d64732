using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Storage;

/// <summary>The source-health conditions told to the admin, in the store: opened and closed once, whichever instance asks.</summary>
public sealed class SourceConditionsTests
{
    static readonly SourceCondition Blocked = new("state-press-releases", "blocked"), Failing = new("state-press-releases", "failing");
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static ISourceConditions Of(Pipeline instance) => instance.Services.GetRequiredService<ISourceConditions>();

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_condition_is_opened_and_closed_by_one_instance_only(Store store)
    {
        using var folder = new TempFolder(store);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);
        var ct = CancellationToken.None;

        var opened = (await Of(first).TryOpenAsync(Blocked, Now, ct), await Of(second).TryOpenAsync(Blocked, Now, ct));
        await Of(second).TryOpenAsync(Failing, Now, ct);
        var openOnTheFirst = await Of(first).ListOpenAsync(ct);
        var closed = (await Of(second).TryCloseAsync(Blocked, ct), await Of(first).TryCloseAsync(Blocked, ct));

        Assert.Equal((true, false), opened);
        Assert.Equal(new HashSet<SourceCondition> { Blocked, Failing }, openOnTheFirst);
        Assert.Equal((true, false), closed);
        Assert.Equal([Failing], await Of(first).ListOpenAsync(ct));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task Of_many_instances_opening_the_same_condition_at_once_exactly_one_wins(Store store)
    {
        using var folder = new TempFolder(store);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);

        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => Of(i % 2 == 0 ? first : second).TryOpenAsync(Blocked, Now, CancellationToken.None))));

        Assert.Equal(1, wins.Count(won => won));
        Assert.Equal(1, await first.Database.CountAsync("source_conditions"));
    }
}
