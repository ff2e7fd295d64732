namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// The lines of a text, each at most a given length: a longer line is read through without being held and reported
/// as <c>null</c>, so one hostile line never costs more memory than the cap.
/// </summary>
internal static class CappedLines
{
    public static IEnumerable<string?> Read(TextReader reader, int maxChars)
    {
        var buffer = new char[1 << 16];
        var line = new System.Text.StringBuilder();
        bool tooLong = false;
        for (int n; (n = reader.Read(buffer, 0, buffer.Length)) > 0;)
        {
            int start = 0;
            for (int end; start < n && (end = Array.IndexOf(buffer, '\n', start, n - start)) >= 0; start = end + 1)
            {
                Append(buffer.AsSpan(start, end - start));
                yield return tooLong ? null : line.ToString().TrimEnd('\r');
                line.Clear();
                tooLong = false;
            }
            Append(buffer.AsSpan(start, n - start));
        }
        if (tooLong) yield return null;
        else if (line.Length > 0) yield return line.ToString().TrimEnd('\r');

        void Append(ReadOnlySpan<char> part)
        {
            if (tooLong) return;
            if (line.Length + part.Length > maxChars) { tooLong = true; line.Clear(); return; }
            line.Append(part);
        }
    }
}
