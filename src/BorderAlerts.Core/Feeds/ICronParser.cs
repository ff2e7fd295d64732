using System.Diagnostics.CodeAnalysis;

namespace BorderAlerts.Core.Feeds;

/// <summary>
/// Reads a feed's <c>cron:</c> (Quartz syntax: seconds first, <c>?</c> for "any day of month or week") in the feed's time
/// zone. A port, so the core knows fire times but not the scheduler whose syntax they are written in.
/// </summary>
public interface ICronParser
{
    /// <summary>The schedule; or false, with what is wrong with the expression in words fit for a feeds.yaml error.</summary>
    bool TryParse(string expression, TimeZoneInfo zone, [NotNullWhen(true)] out ICronSchedule? schedule, out string problem);
}

/// <summary>The fire times of one cron expression in one time zone.</summary>
public interface ICronSchedule
{
    /// <summary>The expression as feeds.yaml gives it.</summary>
    string Expression { get; }

    /// <summary>The first fire time strictly after <paramref name="time"/>, or null when the expression never fires again.</summary>
    DateTimeOffset? NextAfter(DateTimeOffset time);
}
