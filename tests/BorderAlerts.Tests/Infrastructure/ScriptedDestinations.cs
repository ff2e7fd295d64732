using System.Collections.Concurrent;
using BorderAlerts.Core.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Infrastructure;

/// <summary>
/// A destination that answers each send with what <see cref="Answer"/> says (an outcome, or a throw, or a wait until
/// cancelled), recording the messages it got, so a test can fail a destination in ways no fake platform does.
/// </summary>
public sealed class ScriptedSink(Func<int, CancellationToken, Task<DeliveryOutcome>> answer) : IChatSink
{
    public ConcurrentQueue<ChatMessage> Sent { get; } = new();
    public int MaxCardsPerMessage => 10;
    int _calls;

    /// <summary>Released once per send as it starts, for a test waiting on an attempt (<c>Assert.True(await sink.Calls.WaitAsync(bound))</c>).</summary>
    public SemaphoreSlim Calls { get; } = new(0);

    public Task<DeliveryOutcome> SendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        var call = Interlocked.Increment(ref _calls);
        Calls.Release();
        return answer(call, cancellationToken);
    }

    public static ScriptedSink Delivering() => new((call, _) => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Delivered($"m{call}")));
    public static ScriptedSink Failing(string error) => new((_, _) => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Retryable(error)));
    public static ScriptedSink Throwing(Exception e) => new((_, _) => Task.FromException<DeliveryOutcome>(e));
}

/// <summary>The composition root's destinations with some names answered by sinks the test made (<see cref="ScriptedSink"/>s) (names still need a settings entry, e.g. console).</summary>
public sealed class ScriptedDestinations(IDestinations real, IReadOnlyDictionary<string, IChatSink> scripted) : IDestinations
{
    public IChatSink? Find(string name) => scripted.TryGetValue(name, out var sink) ? sink : real.Find(name);
    public string? AdminDestination => real.AdminDestination;

    /// <summary>Registers the decorator over the registry the composition root made (for <see cref="Pipeline.StartAsync(TempFolder, Action{IServiceCollection}?, (string, string)[])"/>).</summary>
    public static Action<IServiceCollection> Over(IReadOnlyDictionary<string, IChatSink> scripted) => services =>
        services.AddSingleton<IDestinations>(sp => new ScriptedDestinations(ActivatorUtilities.CreateInstance<BorderAlerts.Chat.DestinationRegistry>(sp), scripted));
}
