using System.Security.Cryptography;
using System.Text;
using BorderAlerts.Core.WebSub;

namespace BorderAlerts.Core.Tests.WebSub;

/// <summary>X-Hub-Signature (W3C WebSub §8): an HMAC of the raw body under the subscription's secret, by the hub's method.</summary>
public class HubSignatureTests
{
    const string Secret = "s3cret-of-this-subscription";
    static readonly byte[] Body = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel/></rss>");
    static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    public static TheoryData<string, byte[]> Methods() => new()
    {
        { "sha1", HMACSHA1.HashData(Key, Body) },
        { "sha256", HMACSHA256.HashData(Key, Body) },
        { "sha384", HMACSHA384.HashData(Key, Body) },
        { "sha512", HMACSHA512.HashData(Key, Body) },
    };

    [Theory, MemberData(nameof(Methods))]
    public void Each_method_of_the_recommendation_is_checked_against_the_raw_body(string method, byte[] mac)
    {
        Assert.Equal(SignatureCheck.Valid, HubSignature.Check($"{method}={Convert.ToHexStringLower(mac)}", Body, Secret));
        Assert.Equal(SignatureCheck.Valid, HubSignature.Check($"{method.ToUpperInvariant()}={Convert.ToHexString(mac)}", Body, Secret));
        Assert.Equal(SignatureCheck.Mismatch, HubSignature.Check($"{method}={Convert.ToHexStringLower(mac)}", [.. Body, (byte)' '], Secret));
        Assert.Equal(SignatureCheck.Mismatch, HubSignature.Check($"{method}={Convert.ToHexStringLower(mac)}", Body, Secret + "x"));
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("sha256", SignatureCheck.Malformed)]
    [InlineData("sha256=zz", SignatureCheck.Malformed)]
    [InlineData("=abcd", SignatureCheck.Malformed)]
    [InlineData("md5=00ff", SignatureCheck.UnknownMethod)]
    [InlineData("sha256=00ff", SignatureCheck.Mismatch)]
    public void Anything_else_is_not_valid(string? header, SignatureCheck expected) => Assert.Equal(expected, HubSignature.Check(header, Body, Secret));
}
