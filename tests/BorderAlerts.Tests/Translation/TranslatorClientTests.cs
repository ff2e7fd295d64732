using BorderAlerts.Core.Translation;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Translation;

/// <summary>
/// What both translation clients promise, each against its fake: a provider's own statuses are mapped by the derived
/// classes, and everything else (Retry-After, a slow or absent server, a body that is not JSON, a caller that gives up)
/// the same way here. No outcome's message holds the API key.
/// </summary>
public abstract class TranslatorClientTests<TServer> : IAsyncLifetime where TServer : FakeTranslator, new()
{
    protected static readonly HttpClient Http = new();

    protected TServer Server { get; } = new();

    /// <summary>The API key the client is given and the fake expects.</summary>
    protected abstract string Secret { get; }

    protected abstract ITranslator Client(int timeoutSeconds = 5);

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>Two texts asked for after <paramref name="fault"/> is scripted: the outcome is <paramref name="expected"/>, its message keyless.</summary>
    protected async Task<TranslationResult.Unavailable> AssertFailsAsAsync(TranslatorFault fault, TranslationFailure expected)
    {
        Server.Script(fault);

        var result = await Client().TranslateAsync(["丹东", "煤炭"], "zh", CancellationToken.None);

        var unavailable = Assert.IsType<TranslationResult.Unavailable>(result);
        Assert.Equal(expected, unavailable.Kind);
        Assert.DoesNotContain(Secret, unavailable.Message);
        return unavailable;
    }

    [Fact]
    public async Task Too_many_requests_carries_the_retry_after_the_server_asked_for()
    {
        var unavailable = await AssertFailsAsAsync(TranslatorFault.TooManyRequests(12), TranslationFailure.RateLimited);

        Assert.Equal(TimeSpan.FromSeconds(12), unavailable.RetryAfter);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"cut off\": ")]
    [InlineData("[]")]
    [InlineData("")]
    public Task A_success_whose_body_is_not_the_providers_JSON_is_malformed(string body) =>
        AssertFailsAsAsync(TranslatorFault.Malformed(body), TranslationFailure.Malformed);

    [Fact]
    public Task A_server_error_is_down() => AssertFailsAsAsync(TranslatorFault.ServerError, TranslationFailure.Down);

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_a_timeout()
    {
        Server.Script(TranslatorFault.Slow(TimeSpan.FromSeconds(30)));

        var result = await Client(timeoutSeconds: 1).TranslateAsync(["丹东"], "zh", CancellationToken.None);

        Assert.Equal(TranslationFailure.Timeout, Assert.IsType<TranslationResult.Unavailable>(result).Kind);
    }

    [Fact]
    public async Task A_caller_that_gives_up_gets_its_cancellation_not_a_timeout()
    {
        Server.Script(TranslatorFault.Slow(TimeSpan.FromSeconds(30)));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().TranslateAsync(["丹东"], "zh", caller.Token));
    }

    [Fact]
    public async Task Nothing_listening_is_down()
    {
        await Server.DisposeAsync();

        var result = await Client().TranslateAsync(["丹东"], "zh", CancellationToken.None);

        Assert.Equal(TranslationFailure.Down, Assert.IsType<TranslationResult.Unavailable>(result).Kind);
    }
}
