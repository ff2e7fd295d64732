using System.Text;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// Looks at the first bytes of a list before the parser does, so an empty body, an HTML error or sign-in page, or JSON
/// given as XML (and XML as JSON) is refused in words a user understands rather than in the parser's.
/// </summary>
internal static class BodyStart
{
    const int Peek = 1024;

    public const string DtdRefused =
        "the document declares a DTD (<!DOCTYPE …>), which lists never do: refused, as its entities could expand without bound or read local files";

    /// <summary>The body, unread; throws <see cref="WatchlistFormatException"/> if it cannot be the expected kind.</summary>
    public static Stream Check(ListReading list, Stream body, char expected, string expecting)
    {
        var head = new byte[Peek];
        int length = 0, read;
        while (length < Peek && (read = body.Read(head, length, Peek - length)) > 0) length += read;
        var text = Encoding.UTF8.GetString(head, 0, length).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0) throw list.Refuse("the document is empty");
        if (LooksLikeHtml(text)) throw list.Refuse($"the document is an HTML page (an error or sign-in page?), not {expecting}");
        if (text[0] != expected) throw list.Refuse($"the document starts with '{Printable(text)}', not {expecting}", 1, 1);
        if (expected == '<') RefuseDoctype(list, Encoding.UTF8.GetString(head, 0, length));
        return new PrefixedStream(head.AsMemory(0, length), body);
    }

    /// <summary>The XML reader refuses a DTD too, but forgets where it was; here the position is still known.</summary>
    static void RefuseDoctype(ListReading list, string head)
    {
        var at = head.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0) return;
        var before = head.AsSpan(0, at);
        throw list.Refuse(DtdRefused, before.Count('\n') + 1, at - before.LastIndexOf('\n'));
    }

    static bool LooksLikeHtml(string text) =>
        text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
        || (text.StartsWith("<?xml", StringComparison.Ordinal) && text.Contains("<html", StringComparison.OrdinalIgnoreCase) && !text.Contains("<sdnList", StringComparison.Ordinal));

    static string Printable(string text)
    {
        var start = new string(text.Take(12).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 12 ? start + "…" : start;
    }

    /// <summary>A read-only stream of the bytes already read, then the rest of the body.</summary>
    sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (prefix.IsEmpty) return rest.Read(buffer);
            var n = Math.Min(prefix.Length, buffer.Length);
            prefix.Span[..n].CopyTo(buffer);
            prefix = prefix[n..];
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
