namespace BorderAlerts.Core.Fetching;

public sealed class FetchOptions
{
    public string UserAgent { get; set; } =
        "Mozilla/5.0 (compatible; BorderAlerts/1.0; +https://github.com/borderalerts/borderalerts)";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;
    public int MaxConcurrencyPerHost { get; set; } = 2;
}
