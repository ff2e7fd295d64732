namespace BorderAlerts.Core.Fetching;

public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null);

/// <summary>What a fetch came to. Expected failures are values, not exceptions.</summary>
public abstract record FetchResult
{
    public sealed record Fetched(Uri FinalUrl, int Status, byte[] Body, string? ContentType,
        string? ETag, string? LastModified, IReadOnlyList<KeyValuePair<string, string>> Headers) : FetchResult;

    public sealed record NotModified(string? ETag, string? LastModified) : FetchResult;

    public sealed record Failed(FetchFailure Kind, string Message, int? Status = null, TimeSpan? RetryAfter = null) : FetchResult;
}

public enum FetchFailure
{
    Network,
    Timeout,
    TooLarge,
    TooManyRedirects,
    RateLimited,
    Blocked,
    NotFound,
    Gone,
    ServerError,
    HttpError,
}
