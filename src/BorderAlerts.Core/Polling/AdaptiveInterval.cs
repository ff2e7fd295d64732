using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Polling;

/// <summary>
/// How long to wait before the next poll of an <c>every: auto</c> source, learned from when it published lately (its items'
/// publication times, or first sightings where it gives none). Rules: the expected gap to its next item is the shortest
/// of four estimates from the last week — the pace of its last five items counted up to now (a feed lists only its
/// newest items, and a source that has gone quiet slows it down), its pace in the last 24 h, its pace at this time of
/// day (±30 min, for newsroom hours and daily bulletins) and its weekly pace — and it is polled at half that gap, within
/// the bounds; but a poll never sleeps past 15 minutes before a time of day at which it published at least twice in the
/// week, so a bulletin's hour is not jumped over (the pace at this hour decides within it). A source with
/// nothing in the week is polled at the upper bound. A server's Cache-Control max-age or Retry-After is never undercut,
/// even beyond the upper bound (up to a day, as Retry-After after a failure).
/// </summary>
public static class AdaptiveInterval
{
    static readonly TimeSpan Day = TimeSpan.FromDays(1), MaxHint = Day, Week = TimeSpan.FromDays(7), HourWindow = TimeSpan.FromMinutes(30);
    const int Latest = 5;

    public static TimeSpan Next(IEnumerable<DateTimeOffset> recent, DateTimeOffset now, AdaptiveBounds bounds, TimeSpan? serverHint = null)
    {
        int lastDay = 0, lastWeek = 0, thisHour = 0;
        var week = new List<DateTimeOffset>();
        var latest = new PriorityQueue<TimeSpan, TimeSpan>(); // the youngest ages, the oldest of them on top
        foreach (var at in recent)
        {
            var age = now - at;
            if (age < TimeSpan.Zero || age > Week) continue; // a date in the future or older than a week says nothing of the pace now
            lastWeek++;
            week.Add(at);
            latest.Enqueue(age, -age);
            if (latest.Count > Latest) latest.Dequeue();
            if (age <= Day) lastDay++;
            if (TimeOfDayDistance(at, now) <= HourWindow) thisHour++;
        }
        TimeSpan? pace = latest.Count == Latest ? latest.Peek() / Latest : null;
        var gap = Shortest(pace, Gap(Day, lastDay), Gap(7 * 2 * HourWindow, thisHour), Gap(Week, lastWeek));
        var interval = gap is { } g ? g / 2 : bounds.Max;
        if (interval < bounds.Min) interval = bounds.Min;
        if (interval > bounds.Max) interval = bounds.Max;
        if (UntilRecurringHour(week, now) is { } wake && wake < interval) interval = wake < bounds.Min ? bounds.Min : wake;
        if (serverHint is not { } hint || hint <= interval) return interval;
        return hint > MaxHint ? MaxHint : hint;
    }

    /// <summary>The time-of-day distance between two instants, around the clock (23:30 and 00:10 are 40 minutes apart).</summary>
    static TimeSpan TimeOfDayDistance(DateTimeOffset a, DateTimeOffset b)
    {
        var d = Math.Abs(a.UtcDateTime.TimeOfDay.Ticks - b.UtcDateTime.TimeOfDay.Ticks);
        return TimeSpan.FromTicks(Math.Min(d, Day.Ticks - d));
    }

    /// <summary>
    /// How long until 15 minutes before a time of day at which two or more of the week's items appeared (within 30 minutes
    /// of each other); null when now is within 15 minutes of one.
    /// </summary>
    static TimeSpan? UntilRecurringHour(List<DateTimeOffset> week, DateTimeOffset now)
    {
        TimeSpan? soonest = null;
        foreach (var at in week)
        {
            if (week.Count(other => TimeOfDayDistance(other, at) <= HourWindow) < 2) continue;
            if (TimeOfDayDistance(at, now) <= HourWindow / 2) return null; // already near one: the pace at this hour applies
            var until = TimeSpan.FromTicks(((at.UtcDateTime.TimeOfDay - HourWindow / 2 - now.UtcDateTime.TimeOfDay).Ticks % Day.Ticks + Day.Ticks) % Day.Ticks);
            if (soonest is null || until < soonest) soonest = until;
        }
        return soonest;
    }

    static TimeSpan? Gap(TimeSpan window, int count) => count == 0 ? null : window / count;

    static TimeSpan? Shortest(params TimeSpan?[] gaps) => gaps.Where(g => g is not null).Min();
}
