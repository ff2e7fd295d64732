using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Slack signs every request: "v0=" + hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body), and a
/// request older or newer than five minutes is a replay. Compared in constant time.
/// https://api.slack.com/authentication/verifying-requests-from-slack
/// </summary>
public sealed class SlackSignature(string? signingSecret, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public bool Configured => !string.IsNullOrEmpty(signingSecret);

    public bool Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (!Configured || signature is null || !signature.StartsWith("v0=", StringComparison.Ordinal)) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > Window) return false;
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret!), message)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
