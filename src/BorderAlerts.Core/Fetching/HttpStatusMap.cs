using System.Net;

namespace BorderAlerts.Core.Fetching;

/// <summary>The one place that decides what an HTTP status means for a source.</summary>
public static class HttpStatusMap
{
    public static FetchFailure? Classify(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => null,
        304 => null,
        429 => FetchFailure.RateLimited,
        503 => FetchFailure.RateLimited,
        401 or 403 => FetchFailure.Blocked,
        404 => FetchFailure.NotFound,
        410 => FetchFailure.Gone,
        >= 500 => FetchFailure.ServerError,
        _ => FetchFailure.HttpError,
    };

    /// <summary>Retry-After as seconds or an HTTP date, relative to now; null when absent or nonsense.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? null : delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
