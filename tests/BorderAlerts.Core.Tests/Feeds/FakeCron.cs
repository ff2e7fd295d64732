using System.Diagnostics.CodeAnalysis;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Tests.Feeds;

/// <summary>The cron port for core tests: knows a few expressions, each a fixed list of fire times; any other is refused.</summary>
public sealed class FakeCron(params ICronSchedule[] known) : ICronParser
{
    public const string Refusal = "the fake scheduler knows no such expression";

    /// <summary>The zone the last expression was read in.</summary>
    public TimeZoneInfo? Zone { get; private set; }

    public static ICronSchedule Firing(string expression, params DateTimeOffset[] fires) => new Schedule(expression, fires);

    public bool TryParse(string expression, TimeZoneInfo zone, [NotNullWhen(true)] out ICronSchedule? schedule, out string problem)
    {
        Zone = zone;
        schedule = known.FirstOrDefault(s => s.Expression == expression);
        problem = schedule is null ? Refusal : "";
        return schedule is not null;
    }

    sealed class Schedule(string expression, DateTimeOffset[] fires) : ICronSchedule
    {
        public string Expression => expression;

        public DateTimeOffset? NextAfter(DateTimeOffset time) => fires.Where(f => f > time).Order().Select(f => (DateTimeOffset?)f).FirstOrDefault();
    }
}
