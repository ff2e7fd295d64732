namespace BorderAlerts.Jobs;

/// <summary>
/// When this instance's delivery pass claims. An empty outbox is the usual state and each empty claim is a database
/// transaction, so after passes that send nothing the pass rests longer, doubling up to <see cref="IdleRest"/>.
/// Alerts this instance's polls queue end the rest at once (<see cref="Ring"/>); what is left for it otherwise (a dead
/// instance's deliveries, a retry that fell due) waits at most IdleRest more.
/// </summary>
public sealed class DeliveryPacing(TimeSpan tick)
{
    public static readonly TimeSpan IdleRest = TimeSpan.FromSeconds(16);

    int _idlePasses, _rang;
    DateTimeOffset _restUntil = DateTimeOffset.MinValue;

    public void Ring() => Volatile.Write(ref _rang, 1);

    /// <summary>Whether a firing at <paramref name="now"/> claims; half a tick early counts, as firings drift by milliseconds.</summary>
    public bool Due(DateTimeOffset now) => Interlocked.Exchange(ref _rang, 0) == 1 || now + tick / 2 >= _restUntil;

    public void Passed(bool sentAny, DateTimeOffset startedAt)
    {
        _idlePasses = sentAny ? 0 : Math.Min(_idlePasses + 1, 8);
        _restUntil = startedAt + TimeSpan.FromTicks(Math.Min(IdleRest.Ticks, tick.Ticks << _idlePasses));
    }
}
