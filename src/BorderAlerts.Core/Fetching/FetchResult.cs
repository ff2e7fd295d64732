namespace BorderAlerts.Core.Fetching;

/// <param name="Untrusted">Added from chat: fetched through the client whose connections <see cref="AddressGuard"/> checks.</param>
/// <param name="MaxBodyBytes">A cap of this source's own (watchlists are far larger than feeds); null for Fetch:MaxBodyMegabytes.</param>
/// <param name="BodyTo">Where to write the body instead of memory (a list's spool file); <see cref="FetchResult.Fetched.Body"/> is then empty.</param>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null, bool Untrusted = false, long? MaxBodyBytes = null,
    Stream? BodyTo = null);

/// <summary>What a fetch came to. Expected failures are values, not exceptions.</summary>
public abstract record FetchResult
{
    public sealed record Fetched(Uri FinalUrl, int Status, byte[] Body, string? ContentType,
        string? ETag, string? LastModified, IReadOnlyList<KeyValuePair<string, string>> Headers) : FetchResult;

    /// <param name="Headers">The 304's evidence headers (its own Cache-Control and Expires among them); null when not read.</param>
    public sealed record NotModified(string? ETag, string? LastModified, IReadOnlyList<KeyValuePair<string, string>>? Headers = null) : FetchResult;

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
    /// <summary>An untrusted feed's address (or a redirect's) is in a loopback, private, link-local or metadata range.</summary>
    Refused,
}
