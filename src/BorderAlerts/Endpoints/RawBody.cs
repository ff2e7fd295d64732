namespace BorderAlerts.Endpoints;

/// <summary>Reads a request body as the exact bytes that were signed, refusing bodies over a cap.</summary>
public static class RawBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int cap, CancellationToken cancellationToken)
    {
        if (request.ContentLength > cap) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
