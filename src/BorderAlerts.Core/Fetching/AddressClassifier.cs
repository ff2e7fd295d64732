using System.Net;
using System.Net.Sockets;

namespace BorderAlerts.Core.Fetching;

/// <summary>
/// Says which non-public range an address is in, by name ("private network", "loopback", "cloud metadata"…), or null
/// for a public address. IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, SIIT-translated ::ffff:0:a.b.c.d,
/// NAT64 64:ff9b::/96, 6to4 2002::/16, the old compatible ::a.b.c.d) are judged by the IPv4 address they carry, so a
/// mapped 10.0.0.5 is still private and a NAT64 8.8.8.8 is public. Local-use NAT64 (64:ff9b:1::/48) is refused whole:
/// its translator is ours, may carry the IPv4 address at any of six offsets, and may reach private networks.
/// More specific ranges come first, so 169.254.169.254 says "cloud metadata", not "link-local".
/// </summary>
public static class AddressClassifier
{
    sealed record Range(byte[] Network, int Prefix, string Name);

    static readonly Range[] V4 =
    [
        V4Range("169.254.169.254", 32, "cloud metadata"),
        V4Range("100.100.100.200", 32, "cloud metadata"),
        V4Range("255.255.255.255", 32, "broadcast"),
        V4Range("0.0.0.0", 32, "unspecified"),
        V4Range("0.0.0.0", 8, "this network (0.0.0.0/8)"),
        V4Range("127.0.0.0", 8, "loopback"),
        V4Range("10.0.0.0", 8, "private network"),
        V4Range("172.16.0.0", 12, "private network"),
        V4Range("192.168.0.0", 16, "private network"),
        V4Range("169.254.0.0", 16, "link-local"),
        V4Range("100.64.0.0", 10, "carrier-grade NAT"),
        V4Range("192.0.0.0", 24, "IETF protocol assignments"),
        V4Range("192.0.2.0", 24, "documentation"),
        V4Range("198.51.100.0", 24, "documentation"),
        V4Range("203.0.113.0", 24, "documentation"),
        V4Range("198.18.0.0", 15, "benchmarking"),
        V4Range("224.0.0.0", 4, "multicast"),
        V4Range("240.0.0.0", 4, "reserved"),
    ];

    static readonly Range[] V6 =
    [
        V6Range("fd00:ec2::254", 128, "cloud metadata"),
        V6Range("::", 128, "unspecified"),
        V6Range("::1", 128, "loopback"),
        V6Range("fc00::", 7, "private network (unique local)"),
        V6Range("fe80::", 10, "link-local"),
        V6Range("fec0::", 10, "site-local"),
        V6Range("ff00::", 8, "multicast"),
        V6Range("100::", 64, "discard-only"),
        V6Range("2001:db8::", 32, "documentation"),
        V6Range("2001::", 32, "Teredo tunnel"),
        V6Range("64:ff9b:1::", 48, "local-use NAT64"),
    ];

    /// <summary>The name of the non-public range <paramref name="address"/> is in, or null when it is public.</summary>
    public static string? BlockedRange(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return Match(V4, address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "not an IP address";
        var bytes = address.GetAddressBytes();
        if (EmbeddedV4(bytes) is { } v4) return Match(V4, v4);
        return Match(V6, bytes);
    }

    /// <summary>The IPv4 address an IPv6 form carries, if it is one of the forms that do.</summary>
    static byte[]? EmbeddedV4(byte[] b)
    {
        bool ZeroTo(int end) => b.AsSpan(0, end).IndexOfAnyExcept((byte)0) < 0;
        if (ZeroTo(10) && b[10] == 0xff && b[11] == 0xff) return b[12..16]; // ::ffff:a.b.c.d (mapped)
        if (ZeroTo(8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0) return b[12..16]; // ::ffff:0:a.b.c.d (SIIT)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return b[12..16]; // 64:ff9b::a.b.c.d (NAT64)
        if (b[0] == 0x20 && b[1] == 0x02) return b[2..6]; // 2002:aabb:ccdd:: (6to4)
        if (ZeroTo(12) && !(ZeroTo(15) && b[15] <= 1)) return b[12..16]; // ::a.b.c.d (deprecated compatible form; not :: or ::1)
        return null;
    }

    static string? Match(Range[] ranges, byte[] bytes)
    {
        foreach (var range in ranges)
            if (InPrefix(bytes, range.Network, range.Prefix)) return range.Name;
        return null;
    }

    static bool InPrefix(byte[] address, byte[] network, int prefix)
    {
        int whole = prefix / 8, bits = prefix % 8;
        if (!address.AsSpan(0, whole).SequenceEqual(network.AsSpan(0, whole))) return false;
        if (bits == 0) return true;
        var mask = (byte)(0xff << (8 - bits));
        return (address[whole] & mask) == (network[whole] & mask);
    }

    static Range V4Range(string network, int prefix, string name) => new(IPAddress.Parse(network).GetAddressBytes(), prefix, name);

    static Range V6Range(string network, int prefix, string name) => new(IPAddress.Parse(network).GetAddressBytes(), prefix, name);
}
