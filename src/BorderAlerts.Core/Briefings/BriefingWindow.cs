namespace BorderAlerts.Core.Briefings;

/// <summary>
/// Where a briefing's window starts. A window of whole days goes back that many days on the local calendar of the
/// briefing's zone, so across a daylight-saving change a daily brief covers 23 or 25 hours and meets the previous one
/// exactly (no overlap, no gap); any other window is its length back from the firing.
/// </summary>
public static class BriefingWindow
{
    public static DateTimeOffset Start(BriefingDefinition briefing, DateTimeOffset at)
    {
        if (briefing.Window.Ticks % TimeSpan.TicksPerDay != 0) return at - briefing.Window;
        var local = TimeZoneInfo.ConvertTime(at, briefing.TimeZone).DateTime.AddDays(-briefing.Window.Days);
        // A local time skipped by a spring-forward change: the first that exists after it.
        while (briefing.TimeZone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // An ambiguous one (fall-back): the earlier of the two, daylight time, so nothing falls between two windows.
        var offsets = briefing.TimeZone.IsAmbiguousTime(local) ? briefing.TimeZone.GetAmbiguousTimeOffsets(local) : [briefing.TimeZone.GetUtcOffset(local)];
        return new DateTimeOffset(local, offsets.Max());
    }
}
