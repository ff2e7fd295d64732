namespace BorderAlerts.Core.Briefings;

/// <summary>
/// Alerted items per bucket (an hour for windows up to two days, else a day) over the preceding period and the window,
/// oldest first, from <see cref="Start"/>; the buckets from <see cref="WindowStart"/> on are the window's.
/// </summary>
public sealed record VolumeSeries(DateTimeOffset Start, TimeSpan Bucket, IReadOnlyList<int> Counts, DateTimeOffset WindowStart)
{
    public static TimeSpan BucketFor(TimeSpan window) => window <= TimeSpan.FromHours(48) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>Counts <paramref name="times"/> into buckets from <paramref name="from"/> − window to <paramref name="to"/>; times outside are left out.</summary>
    public static VolumeSeries Of(IEnumerable<DateTimeOffset> times, DateTimeOffset from, DateTimeOffset to)
    {
        var bucket = BucketFor(to - from);
        var start = from - (to - from);
        var counts = new int[(int)Math.Ceiling((to - start) / bucket)];
        foreach (var time in times)
            if (time >= start && time < to) counts[(int)((time - start) / bucket)]++;
        return new VolumeSeries(start, bucket, counts, from);
    }

    public int WindowTotal => Counts.Skip(WindowIndex).Sum();
    public int PreviousTotal => Counts.Take(WindowIndex).Sum();
    public int WindowIndex => (int)((WindowStart - Start) / Bucket);
}
