namespace BorderAlerts.Commands;

/// <summary>Checks an address given in chat before a feed is saved: null if it may be polled, else what is wrong.</summary>
public interface IFeedAddressCheck
{
    Task<string?> CheckAsync(string url, CancellationToken cancellationToken);
}
