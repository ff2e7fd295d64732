namespace BorderAlerts.Core.Briefings;

/// <summary>
/// Alerted items per bucket (an hour for windows up to two days, else a day) over the preceding period and the window,
/// oldest first, from <see cref="Start"/>; the buckets from <see cref="WindowStart"/> on are the window's. The grid is
/// aligned on the window's start, so a window that is not a whole number of buckets has a partial last bucket (and the
/// period before a partial first one); the totals are counted from the items' times, never from the buckets.
/// </summary>
public sealed record VolumeSeries(DateTimeOffset Start, TimeSpan Bucket, IReadOnlyList<int> Counts, DateTimeOffset WindowStart,
    int WindowTotal, int PreviousTotal)
{
    public static TimeSpan BucketFor(TimeSpan window) => window <= TimeSpan.FromHours(48) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>Counts <paramref name="times"/> from <paramref name="from"/> − window to <paramref name="to"/>; times outside are left out.</summary>
    public static VolumeSeries Of(IEnumerable<DateTimeOffset> times, DateTimeOffset from, DateTimeOffset to)
    {
        var window = to - from;
        var bucket = BucketFor(window);
        var perPeriod = (int)Math.Ceiling(window / bucket);
        var start = from - bucket * perPeriod;
        var counts = new int[2 * perPeriod];
        int windowTotal = 0, previousTotal = 0;
        foreach (var time in times)
        {
            if (time < from - window || time >= to) continue;
            counts[(int)((time - start) / bucket)]++;
            if (time >= from) windowTotal++;
            else previousTotal++;
        }
        return new VolumeSeries(start, bucket, counts, from, windowTotal, previousTotal);
    }

    public int WindowIndex => (int)((WindowStart - Start) / Bucket);
}
