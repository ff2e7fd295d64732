namespace BorderAlerts.Core.Briefings;

/// <summary>Draws a briefing's volume as a PNG; a port, so the core knows no plotting library.</summary>
public interface IVolumeChart
{
    /// <summary>The PNG's bytes: the window's buckets set apart from the period before, times in <paramref name="zone"/>.</summary>
    byte[] Render(VolumeSeries series, TimeZoneInfo zone, string title);
}
