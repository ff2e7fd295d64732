namespace BorderAlerts.Tests.Infrastructure;

/// <summary>Waits for a condition with a generous deadline. The deadline is a safety net, never the assertion.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"gave up waiting until {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
