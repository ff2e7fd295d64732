using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Storage;
using BorderAlerts.Jobs;

namespace BorderAlerts.Tests.Briefings;

/// <summary>Briefs as their platform-free reports, composed from alerted items the way a firing composes them (no store, no post).</summary>
static class BriefReports
{
    public static readonly DateTimeOffset To = new(2026, 3, 30, 23, 0, 0, TimeSpan.Zero);

    /// <summary>One story per item, item i (from 1) under its own rule unless <paramref name="oneRule"/>, from its own feed, in Chinese.</summary>
    public static ChatReport Of(int stories, Func<int, string> title, Func<int, Uri?> url, bool oneRule = false, string? translated = null)
    {
        new QuartzCronParser().TryParse("0 0 8 ? * *", TimeZoneInfo.Utc, out var schedule, out _);
        var briefing = new BriefingDefinition { Id = "morning", Name = "Morning brief", Schedule = schedule!, To = ["analysts"], Top = stories };
        var alerts = Enumerable.Range(1, stories).Select(i => new BriefingAlert(i, oneRule ? "rule" : $"rule-{i}", $"A rule with a longish name number {(oneRule ? 0 : i)}",
            Severity.High, To.AddMinutes(-30 * i), title(i), url(i), "text", "zh", null, $"feed-{i}", null, [$"feed-{i}"], translated)).ToList();
        return BriefReport.Of(BriefComposer.Compose(briefing, alerts, To.AddHours(-24), To), null, null);
    }

    /// <summary>25 stories under 25 rules with long titles, links and translations: more than Discord's 6000 characters.</summary>
    public static ChatReport Large() => Of(25, i => new string('标', 140) + i, i => new Uri($"https://news.example/{new string('a', 200)}/{i}"),
        translated: "Translated title that is reasonably long, about eighty characters or so, number");
}
