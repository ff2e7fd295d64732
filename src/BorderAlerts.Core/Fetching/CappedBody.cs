using System.Buffers;

namespace BorderAlerts.Core.Fetching;

/// <summary>Reads a body up to a cap; gives up as soon as the cap is passed, without reading the rest.</summary>
internal static class CappedBody
{
    /// <summary>The whole body, or null past the cap.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        return await CopyAsync(content, cap, buffer, cancellationToken) ? buffer.ToArray() : null;
    }

    /// <summary>Copies the body into <paramref name="target"/> (a spool file for a large list): false past the cap.</summary>
    public static async Task<bool> CopyAsync(HttpContent content, long cap, Stream target, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        long total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if ((total += read) > cap) return false;
                await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
        return true;
    }
}
