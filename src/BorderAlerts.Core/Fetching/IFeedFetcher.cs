namespace BorderAlerts.Core.Fetching;

/// <summary>Fetches a source's bytes. The only network seam of the pipeline.</summary>
public interface IFeedFetcher
{
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
