using Xunit.Abstractions;
using Xunit.Sdk;

namespace BorderAlerts.Tests.Panel.Browser;

/// <summary>
/// Says in the test run's output whether the browser tests ran: skipped browser tests must never look like a pass.
/// Where they are required (CI) and Chromium is missing, this fails with how to install it.
/// </summary>
public sealed class BrowserAvailabilityTests(BrowserAvailabilityTests.Notice notice) : IClassFixture<BrowserAvailabilityTests.Notice>
{
    public sealed class Notice
    {
        public Notice(IMessageSink diagnostics)
        {
            Reason = Chromium.SkipReason;
            diagnostics.OnMessage(new DiagnosticMessage(Reason is null ? $"Browser tests run in {Chromium.Binary} through {Chromium.Driver}" : "Browser tests SKIPPED: " + Reason));
        }

        public string? Reason { get; }
    }

    [Fact]
    public void Browser_tests_run_here_or_the_run_says_why_not()
    {
        Assert.True(!Chromium.Required || Chromium.Installed,
            $"{Chromium.RequireVariable}=1 but {Chromium.Binary} or {Chromium.Driver} is missing; install them with `{Chromium.Install}` (as root)");
        Assert.Equal(Chromium.Installed, notice.Reason is null);
    }
}
