using System.Buffers;

namespace BorderAlerts.Core.Fetching;

/// <summary>Reads a body up to a cap; returns null as soon as the cap is passed, without reading the rest.</summary>
internal static class CappedBody
{
    public static async Task<byte[]?> ReadAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > cap) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
        return buffer.ToArray();
    }
}
