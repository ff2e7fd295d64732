using BorderAlerts.Jobs;

namespace BorderAlerts.Tests.Jobs;

/// <summary>When the delivery job claims: every tick while it sends, resting longer after empty passes, at once when rung.</summary>
public sealed class DeliveryPacingTests
{
    static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Empty_passes_rest_twice_as_long_each_time_up_to_the_idle_rest_and_a_pass_that_sends_resets_it()
    {
        var pacing = new DeliveryPacing(Tick);
        var at = T0;
        var rests = new List<double>();
        for (int pass = 0; pass < 6; pass++)
        {
            Assert.True(pacing.Due(at));
            pacing.Passed(sentAny: false, at);
            var next = at + Tick;
            while (!pacing.Due(next)) next += Tick; // the job fires every tick and skips while resting
            rests.Add((next - at).TotalSeconds);
            at = next;
        }
        Assert.Equal([4, 8, 16, 16, 16, 16], rests);

        pacing.Passed(sentAny: true, at);
        Assert.True(pacing.Due(at + Tick));
    }

    [Fact]
    public void A_ring_ends_the_rest_once()
    {
        var pacing = new DeliveryPacing(Tick);
        for (int i = 0; i < 4; i++) pacing.Passed(sentAny: false, T0);
        Assert.False(pacing.Due(T0 + Tick));

        pacing.Ring();
        Assert.True(pacing.Due(T0 + Tick));
        Assert.False(pacing.Due(T0 + Tick)); // the ring is used up
    }
}
