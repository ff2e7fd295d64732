using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Endpoints;

/// <summary>The store's record of answered requests: a key counts once until it expires, and expired keys are pruned.</summary>
public sealed class SeenRequestsTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_key_counts_once_until_it_expires_and_expired_keys_are_pruned(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var seen = pipeline.Services.GetRequiredService<ISeenRequests>();
        byte[] a = [1, 2, 3], b = [4, 5, 6], c = [7, 8, 9];
        var expires = Now.AddMinutes(5);

        Assert.True(await seen.FirstSeenAsync(a, expires, Now, CancellationToken.None));
        Assert.True(await seen.FirstSeenAsync(b, Now.AddMinutes(1), Now, CancellationToken.None));
        Assert.False(await seen.FirstSeenAsync(a, expires, Now.AddMinutes(4), CancellationToken.None));
        Assert.True(await seen.FirstSeenAsync(a, expires.AddMinutes(5), expires, CancellationToken.None)); // expired: a new request may carry it
        Assert.False(await seen.FirstSeenAsync(a, expires.AddMinutes(5), expires.AddMinutes(1), CancellationToken.None));
        Assert.True(await seen.FirstSeenAsync(c, expires.AddMinutes(5), expires, CancellationToken.None));
        Assert.Equal(2, await pipeline.Database.CountAsync("seen_requests")); // b went when it expired
    }
}
