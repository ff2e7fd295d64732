using BorderAlerts.Commands;
using BorderAlerts.Core.Admin;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Chat administration from several instances on one database: writes that race keep every change in the history,
/// each change records the state it really replaced, and every instance ends up with the same state.
/// </summary>
public sealed class ScaleOutAdminTests
{
    const int PerInstance = 20;

    [PostgresFact]
    public async Task Two_instances_writing_at_once_keep_every_change_in_order()
    {
        await using var instances = await Instances.StartAsync(2);
        var writers = instances.All.Select(i => i.Services.GetRequiredService<AdminWriter>()).ToArray();
        var until = DateTimeOffset.UtcNow.AddHours(1);

        await Task.WhenAll(writers.SelectMany((writer, n) => Enumerable.Range(0, PerInstance).Select(k => Task.Run(() =>
            writer.WriteAsync(new AdminWrite($"instance-{n}", AdminKinds.Mute, "border-trade", $"mute #{n}.{k}", AdminJson.Mute(until.AddMinutes(n * 100 + k))),
                CancellationToken.None)))));

        var history = (await writers[0].HistoryAsync("border-trade", 100, CancellationToken.None)).Reverse().ToList();
        Assert.Equal(2 * PerInstance, history.Count);
        Assert.Equal(Enumerable.Range(1, 2 * PerInstance).Select(i => (long)i), history.Select(c => c.Id));
        Assert.Equal(PerInstance, history.Count(c => c.Actor == "instance-0"));
        Assert.Null(history[0].Before);
        for (int i = 1; i < history.Count; i++) Assert.Equal(history[i - 1].After, history[i].Before); // no write was lost

        foreach (var writer in writers) await writer.RefreshAsync(CancellationToken.None);
        Assert.All(writers, w => Assert.Equal((2L * PerInstance, history[^1].After), (w.Current.Version, w.Current.Get(AdminKinds.Mute, "border-trade"))));
    }
}
