using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// How long to wait before the next poll of an <c>every: auto</c> source, learned from when it published lately (its items'
/// publication times, or first sightings where it gives none). Rules: the expected gap to its next item is the shortest
/// of three estimates from the last week — its pace in the last 24 h, its pace at this time of day (±1 h, for newsroom
/// hours and daily bulletins) and its weekly pace — and it is polled at half that gap, within the bounds. A source with
/// nothing in the week is polled at the upper bound. A server's Cache-Control max-age or Retry-After is never undercut,
/// even beyond the upper bound (up to a day, as Retry-After after a failure).
/// </summary>
public static class AdaptiveInterval
{
    static readonly TimeSpan Day = TimeSpan.FromDays(1), MaxHint = Day, Week = TimeSpan.FromDays(7), HourWindow = TimeSpan.FromHours(1);

    public static TimeSpan Next(IEnumerable<DateTimeOffset> recent, DateTimeOffset now, AdaptiveBounds bounds, TimeSpan? serverHint = null)
    {
        int lastDay = 0, lastWeek = 0, thisHour = 0;
        foreach (var at in recent)
        {
            var age = now - at;
            if (age < TimeSpan.Zero || age > Week) continue; // a date in the future or older than a week says nothing of the pace now
            lastWeek++;
            if (age <= Day) lastDay++;
            if (TimeOfDayDistance(at, now) <= HourWindow) thisHour++;
        }
        var gap = Shortest(Gap(Day, lastDay), Gap(7 * 2 * HourWindow, thisHour), Gap(Week, lastWeek));
        var interval = gap is { } g ? g / 2 : bounds.Max;
        if (interval < bounds.Min) interval = bounds.Min;
        if (interval > bounds.Max) interval = bounds.Max;
        if (serverHint is not { } hint || hint <= interval) return interval;
        return hint > MaxHint ? MaxHint : hint;
    }

    /// <summary>The time-of-day distance between two instants, around the clock (23:30 and 00:10 are 40 minutes apart).</summary>
    static TimeSpan TimeOfDayDistance(DateTimeOffset a, DateTimeOffset b)
    {
        var d = Math.Abs(a.UtcDateTime.TimeOfDay.Ticks - b.UtcDateTime.TimeOfDay.Ticks);
        return TimeSpan.FromTicks(Math.Min(d, Day.Ticks - d));
    }

    static TimeSpan? Gap(TimeSpan window, int count) => count == 0 ? null : window / count;

    static TimeSpan? Shortest(params TimeSpan?[] gaps) => gaps.Where(g => g is not null).Min();
}
