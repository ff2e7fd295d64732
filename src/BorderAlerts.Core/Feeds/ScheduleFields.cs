using BorderAlerts.Core.Config;

namespace BorderAlerts.Core.Feeds;

/// <summary>The <c>timezone:</c> and <c>cron:</c> fields as feeds.yaml and briefings.yaml write them, read alike.</summary>
internal static class ScheduleFields
{
    /// <summary>An IANA zone name; UTC when absent.</summary>
    public static TimeZoneInfo Zone(YamlFields f)
    {
        var text = f.OptionalString("timezone");
        if (text is null) return TimeZoneInfo.Utc;
        try { return TimeZoneInfo.FindSystemTimeZoneById(text); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        { throw f.Error("timezone", f.Node("timezone")!, $"'{text}' is not a known time zone (example: Asia/Shanghai)"); }
    }

    /// <summary>A Quartz cron expression in <paramref name="zone"/>, or null when absent; one that never fires is refused, not left idle.</summary>
    public static ICronSchedule? Cron(YamlFields f, TimeZoneInfo zone, ICronParser? parser, string example)
    {
        var text = f.OptionalString("cron");
        if (text is null) return null;
        var at = f.Node("cron")!;
        if (parser is null) throw f.Error("cron", at, "cron schedules are read by the service's scheduler, which is not available here");
        if (!parser.TryParse(text, zone, out var schedule, out var problem))
            throw f.Error("cron", at, $"'{text}' is not a Quartz cron expression ({problem}); example: \"{example}\" (seconds first, ? for any day)");
        if (schedule.NextAfter(DateTimeOffset.UtcNow) is null) throw f.Error("cron", at, $"'{text}' never fires (is the date or year impossible or past?)");
        return schedule;
    }
}
