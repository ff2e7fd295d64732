using System.Net;
using System.Net.Sockets;

namespace BorderAlerts.Core.Fetching;

/// <summary>
/// Keeps feeds added from chat off the internal network. It is the connect step of the untrusted feeds client: the host
/// is resolved here, every address checked, and the socket opened to exactly the addresses checked, so a DNS answer
/// that changes between a check and the connect (rebinding) cannot slip through, and every redirect hop, which opens its
/// own connection, is checked the same way. Nothing is checked when the settings allow private addresses.
/// </summary>
public sealed partial class AddressGuard(bool allowPrivateAddresses, Func<IPAddress, string?>? blockedRange = null,
    Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    public const string AllowSetting = "BorderAlerts:Fetch:AllowPrivateAddresses";

    readonly Func<IPAddress, string?> _blockedRange = blockedRange ?? AddressClassifier.BlockedRange;
    readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public bool AllowsPrivateAddresses => allowPrivateAddresses;

    /// <summary>The host's addresses (an IP literal is its own); throws <see cref="AddressRefusedException"/> if any is in a blocked range.</summary>
    public async Task<IPAddress[]> ResolveCheckedAsync(string host, CancellationToken cancellationToken)
    {
        var literal = IPAddress.TryParse(host, out var parsed);
        var addresses = literal ? [parsed!] : await _resolve(host, cancellationToken);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        if (allowPrivateAddresses) return addresses;
        foreach (var address in addresses)
            if (_blockedRange(address) is { } range) throw new AddressRefusedException(literal ? null : host, address, range);
        return addresses;
    }

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: connects only to addresses that passed the check.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveCheckedAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A connection the guard refused; <see cref="Reason"/> names the host, the address and its range, and the way out.</summary>
public sealed class AddressRefusedException(string? host, IPAddress address, string range)
    : Exception($"refused: {Describe(host, address, range)}")
{
    public string Reason { get; } = Describe(host, address, range);

    public IPAddress Address { get; } = address;

    public string Range { get; } = range;

    static string Describe(string? host, IPAddress address, string range) =>
        (host is null ? $"address {address}" : $"{host} resolves to {address}") +
        $" ({range}); set {AddressGuard.AllowSetting}=true to allow";
}
