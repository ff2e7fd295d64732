namespace BorderAlerts.Core.Delivery;

/// <summary>
/// Translation requests in flight, one per item: a card that asks while its item's request is in flight joins it
/// instead of asking again (one request, the daily budget counted once). A request still unanswered when its card
/// stops waiting goes on in the background, bounded by the translator's own timeout, at most <c>capacity</c> at a
/// time; beyond that it is cancelled and the card goes without, as if there were no late translations. Disposing
/// cancels every request, so none keeps the process from stopping.
/// </summary>
public sealed class TranslationRequests(int capacity = TranslationRequests.DefaultCapacity) : IDisposable
{
    public const int DefaultCapacity = 64;

    readonly Lock _lock = new();
    readonly Dictionary<long, Request> _inFlight = [];
    readonly CancellationTokenSource _stopping = new();
    int _late;

    sealed class Request(CancellationToken stopping)
    {
        public readonly TaskCompletionSource<CardTranslation?> Answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly CancellationTokenSource Cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        public bool Late;
    }

    /// <summary>The answer of the request in flight for <paramref name="itemId"/>, or of one started now with <paramref name="ask"/>.</summary>
    /// <remarks>A request cancelled (at the cap, or when stopping) answers null.</remarks>
    public Task<CardTranslation?> Join(long itemId, Func<CancellationToken, Task<CardTranslation?>> ask)
    {
        Request request;
        lock (_lock)
        {
            if (_inFlight.TryGetValue(itemId, out var running)) return running.Answer.Task;
            _inFlight[itemId] = request = new Request(_stopping.Token);
        }
        _ = RunAsync(itemId, request, ask);
        return request.Answer.Task;
    }

    /// <summary>
    /// The card waiting for <paramref name="itemId"/>'s answer stops waiting: true when the request goes on (or has just
    /// answered), false when the cap is reached and it was cancelled.
    /// </summary>
    public bool GoOnLate(long itemId)
    {
        Request? cut = null;
        lock (_lock)
        {
            if (!_inFlight.TryGetValue(itemId, out var request) || request.Late) return true;
            if (_late < capacity)
            {
                request.Late = true;
                _late++;
                return true;
            }
            cut = request;
        }
        try { cut.Cancel.Cancel(); }
        catch (ObjectDisposedException) { } // it answered meanwhile
        return false;
    }

    async Task RunAsync(long itemId, Request request, Func<CancellationToken, Task<CardTranslation?>> ask)
    {
        try { request.Answer.TrySetResult(await ask(request.Cancel.Token)); }
        catch (OperationCanceledException) { request.Answer.TrySetResult(null); }
        catch (Exception e) { request.Answer.TrySetException(e); }
        finally
        {
            lock (_lock)
            {
                _inFlight.Remove(itemId);
                if (request.Late) _late--;
            }
            request.Cancel.Dispose();
        }
    }

    public void Dispose() => _stopping.Cancel();
}
