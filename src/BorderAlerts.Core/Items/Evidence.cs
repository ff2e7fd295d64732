using System.IO.Compression;
using System.Security.Cryptography;

namespace BorderAlerts.Core.Items;

/// <summary>The raw response that first produced an item, kept because state media edit and delete pages.</summary>
/// <summary>A response body as received; compressed into <see cref="Evidence"/> only when it produced a new item.</summary>
public sealed record RawResponse(Uri Url, DateTimeOffset FetchedAt, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

public sealed record Evidence(Uri Url, DateTimeOffset FetchedAt, string Sha256, byte[] Compressed, long Length,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static Evidence Capture(RawResponse raw)
    {
        var (url, fetchedAt, body, headers) = raw;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(body);
        return new Evidence(url, fetchedAt, Convert.ToHexStringLower(SHA256.HashData(body)), buffer.ToArray(), body.Length, headers);
    }

    public byte[] Decompress()
    {
        using var gzip = new GZipStream(new MemoryStream(Compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
