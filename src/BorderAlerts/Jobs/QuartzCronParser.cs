using System.Diagnostics.CodeAnalysis;
using BorderAlerts.Core.Feeds;
using Quartz;

namespace BorderAlerts.Jobs;

/// <summary>
/// feeds.yaml's <c>cron:</c> read by Quartz, the service's scheduler, so a feed's schedule is written as its jobs' are
/// (seconds first, <c>?</c>) and resolved in the feed's time zone, daylight saving included.
/// </summary>
public sealed class QuartzCronParser : ICronParser
{
    public bool TryParse(string expression, TimeZoneInfo zone, [NotNullWhen(true)] out ICronSchedule? schedule, out string problem)
    {
        try
        {
            schedule = new QuartzCronSchedule(new CronExpression(expression, zone), expression);
            problem = "";
            return true;
        }
        catch (FormatException e)
        {
            schedule = null;
            problem = e.Message.TrimEnd('.');
            return false;
        }
    }

    sealed class QuartzCronSchedule(CronExpression cron, string expression) : ICronSchedule
    {
        public string Expression => expression;

        public DateTimeOffset? NextAfter(DateTimeOffset time) => cron.GetNextValidTimeAfter(time);
    }
}
