namespace BorderAlerts.Core.Feeds;

/// <summary>
/// The bounds of <c>every: auto</c> (feeds.yaml <c>min:</c>, <c>max:</c>): polls never come sooner than <see cref="Min"/>
/// nor later than <see cref="Max"/>, unless the server asks for longer.
/// </summary>
public sealed record AdaptiveBounds(TimeSpan Min, TimeSpan Max)
{
    public static readonly AdaptiveBounds Default = new(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));

    /// <summary>As `feeds list` and chat show it: "auto (2m–1h)".</summary>
    public override string ToString() => $"auto ({DurationParser.Format(Min)}–{DurationParser.Format(Max)})";
}
