using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Endpoints;

/// <summary>
/// Answers each signed request once. A hash of what was signed (platform, timestamp, raw body) is recorded in the store
/// until the timestamp leaves the five-minute window, so the same request sent again, to this instance or to another one
/// sharing the database, is a replay. The signed bytes are hashed, not the signature header, so a re-spelt signature
/// (upper-case hex) does not make a replay new. Call only after the signature and its timestamp were verified.
/// </summary>
public sealed class ReplayGuard(ISeenRequests seen, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Slack re-sends an invocation within minutes; its response_url lives 30, so its trigger id is kept that long.</summary>
    static readonly TimeSpan TriggerLife = TimeSpan.FromMinutes(30);

    /// <summary>True the first time this signed request arrives; false for a replay within its window.</summary>
    public Task<bool> FirstAsync(string platform, string timestamp, ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        var stamp = long.Parse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture);
        // Accepted while |now − timestamp| ≤ 5 min in whole seconds, so kept one second past that.
        var expires = DateTimeOffset.FromUnixTimeSeconds(stamp) + Window + TimeSpan.FromSeconds(1);
        return seen.FirstSeenAsync(Hash($"{platform}\n{timestamp}\n", body), expires, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// True the first time a Slack trigger id (one per invocation, the same on every re-send Slack makes) arrives, or
    /// when there is none; false for a re-send, which is acknowledged and not run again, as Socket Mode does.
    /// </summary>
    public async Task<bool> FirstTriggerAsync(string? triggerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId)) return true;
        var now = clock.GetUtcNow();
        return await seen.FirstSeenAsync(Hash("slack-trigger\n", Encoding.UTF8.GetBytes(triggerId)), now + TriggerLife, now, cancellationToken);
    }

    static byte[] Hash(string prefix, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(prefix));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
