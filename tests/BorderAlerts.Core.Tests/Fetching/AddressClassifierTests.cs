using System.Net;
using BorderAlerts.Core.Fetching;

namespace BorderAlerts.Core.Tests.Fetching;

/// <summary>Which addresses a feed added from chat may not reach, and the range named in the refusal.</summary>
public class AddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("10.0.0.5", "private network")]
    [InlineData("172.16.0.1", "private network")]
    [InlineData("172.31.255.255", "private network")]
    [InlineData("192.168.1.1", "private network")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("100.100.100.200", "cloud metadata")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "this network (0.0.0.0/8)")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("192.0.0.8", "IETF protocol assignments")]
    [InlineData("192.0.2.10", "documentation")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fc00::1", "private network (unique local)")]
    [InlineData("fd12:3456:789a::1", "private network (unique local)")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf:ffff::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.5", "private network")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("64:ff9b::10.0.0.5", "private network")]
    [InlineData("2002:7f00:1::", "loopback")] // 6to4 wrapping 127.0.0.1
    [InlineData("::127.0.0.1", "loopback")] // deprecated IPv4-compatible form
    [InlineData("::ffff:0:7f00:1", "loopback")] // SIIT-translated 127.0.0.1 (::ffff:0:0/96)
    [InlineData("::ffff:0:10.0.0.5", "private network")]
    [InlineData("::ffff:0:169.254.169.254", "cloud metadata")]
    [InlineData("64:ff9b::7f00:1", "loopback")] // well-known NAT64 prefix wrapping 127.0.0.1
    [InlineData("64:ff9b::192.168.1.1", "private network")]
    [InlineData("64:ff9b::169.254.169.254", "cloud metadata")]
    [InlineData("64:ff9b:1::1", "local-use NAT64")] // RFC 8215: a local translator, IPv4 at any offset
    [InlineData("64:ff9b:1:a00:5::", "local-use NAT64")] // 10.0.0.5 behind a /48 prefix
    [InlineData("64:ff9b:1:ffff::808:808", "local-use NAT64")] // even a public IPv4: the translator is local
    [InlineData("2002:a00:5::1", "private network")] // 6to4 wrapping 10.0.0.5
    [InlineData("2002:c0a8:101::", "private network")] // 6to4 wrapping 192.168.1.1
    [InlineData("2002:a9fe:a9fe::", "cloud metadata")]
    public void Non_public_addresses_are_named_by_their_range(string address, string range) =>
        Assert.Equal(range, AddressClassifier.BlockedRange(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2002:808:808::")]
    [InlineData("::ffff:0:8.8.8.8")] // SIIT-translated public IPv4
    public void Public_addresses_pass(string address) => Assert.Null(AddressClassifier.BlockedRange(IPAddress.Parse(address)));

    /// <summary>The URI parser turns decimal, hex, octal and short forms into the dotted address the connection uses.</summary>
    [Theory]
    [InlineData("http://2130706433/feed.xml", "loopback")]
    [InlineData("http://0x7f000001/feed.xml", "loopback")]
    [InlineData("http://0177.0.0.1/feed.xml", "loopback")]
    [InlineData("http://017700000001/feed.xml", "loopback")]
    [InlineData("http://127.1/feed.xml", "loopback")]
    [InlineData("http://167772165/feed.xml", "private network")] // 10.0.0.5
    [InlineData("http://[::ffff:7f00:1]/feed.xml", "loopback")]
    [InlineData("http://[::ffff:a9fe:a9fe]/latest/meta-data/", "cloud metadata")]
    [InlineData("http://[::ffff:0:7f00:1]/", "loopback")]
    [InlineData("http://[::ffff:0:127.0.0.1]/feed.xml", "loopback")]
    [InlineData("http://[64:ff9b:1::7f00:1]/", "local-use NAT64")]
    public void Numeric_host_spellings_are_judged_by_the_address_they_mean(string url, string range) =>
        Assert.Equal(range, AddressClassifier.BlockedRange(IPAddress.Parse(new Uri(url).IdnHost)));
}
