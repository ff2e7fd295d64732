using System.Security.Cryptography;
using System.Text;

namespace BorderAlerts.Core.WebSub;

/// <summary>What a push's <c>X-Hub-Signature</c> came to; only <see cref="Valid"/> lets its body in.</summary>
public enum SignatureCheck { Valid, Missing, Malformed, UnknownMethod, Mismatch }

/// <summary>
/// The authenticated content distribution of W3C WebSub §8: <c>X-Hub-Signature: method=hex</c>, an HMAC of the raw body
/// keyed with the subscription's secret. The Recommendation's methods are sha1, sha256, sha384 and sha512; the hub
/// chooses, so all four are taken (an HMAC-SHA1 is not forgeable without the key), compared in constant time.
/// </summary>
public static class HubSignature
{
    public const string Header = "X-Hub-Signature";

    public static SignatureCheck Check(string? header, byte[] body, string secret)
    {
        if (string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;
        var eq = header.IndexOf('=');
        if (eq <= 0) return SignatureCheck.Malformed;
        byte[] given;
        try { given = Convert.FromHexString(header[(eq + 1)..].Trim()); }
        catch (FormatException) { return SignatureCheck.Malformed; }
        var key = Encoding.UTF8.GetBytes(secret);
        byte[]? expected = header[..eq].Trim().ToLowerInvariant() switch
        {
            "sha1" => HMACSHA1.HashData(key, body),
            "sha256" => HMACSHA256.HashData(key, body),
            "sha384" => HMACSHA384.HashData(key, body),
            "sha512" => HMACSHA512.HashData(key, body),
            _ => null,
        };
        if (expected is null) return SignatureCheck.UnknownMethod;
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header a hub sends for <paramref name="body"/> (sha256), as the tests' hub signs.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
