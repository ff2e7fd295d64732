using BorderAlerts.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BorderAlerts.Tests.ScaleOut;

/// <summary>
/// Says in the test run's output whether the PostgreSQL tests ran: a skipped store must never look like a pass.
/// Where PostgreSQL is required (CI) and not reachable, this fails with the reason.
/// </summary>
public sealed class PostgresAvailabilityTests(PostgresAvailabilityTests.Notice notice) : IClassFixture<PostgresAvailabilityTests.Notice>
{
    public sealed class Notice
    {
        public Notice(IMessageSink diagnostics)
        {
            Reason = TestPostgres.SkipReason;
            diagnostics.OnMessage(new DiagnosticMessage(Reason is null
                ? "PostgreSQL tests run against " + TestPostgres.Location
                : "PostgreSQL tests SKIPPED: " + Reason));
        }

        public string? Reason { get; }
    }

    [Fact]
    public void PostgreSQL_tests_run_here_or_the_run_says_why_not()
    {
        Assert.True(!TestPostgres.Required || TestPostgres.Reachable, $"{TestPostgres.RequireVariable}=1 but PostgreSQL at {TestPostgres.Location} is not reachable");
        Assert.Equal(TestPostgres.Reachable, notice.Reason is null);
    }
}
