using System.Xml;
using System.Xml.Linq;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// Streams a list's XML one record at a time. DTDs are prohibited (no entity can expand: billion laughs and external
/// entities fail at the DOCTYPE), and each record is built element by element with its depth, node count and text
/// bounded, so memory stays that of one record whatever the document's size. Elements are named by local name only:
/// a list's namespace (OFAC has had two) is checked once, at the root.
/// </summary>
internal static class WatchlistXml
{
    const int MaxRecordDepth = 16;
    const int MaxRecordNodes = 50_000;
    const int MaxRecordChars = 4_000_000;

    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>The entries <paramref name="parse"/> reads from the document, with every XML error a refusal.</summary>
    public static IEnumerable<WatchlistEntry> Read(ListReading list, Stream body,
        Func<ListReading, XmlReader, IEnumerable<WatchlistEntry>> parse)
    {
        var checkedBody = BodyStart.Check(list, body, '<', $"{list.Format.Name()} (XML)");
        var reader = XmlReader.Create(checkedBody, Settings);
        return Guard(list, reader, parse(list, reader));
    }

    static IEnumerable<WatchlistEntry> Guard(ListReading list, XmlReader reader, IEnumerable<WatchlistEntry> entries)
    {
        using var owned = reader;
        using var e = entries.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (XmlException x)
            {
                throw list.Refuse(Explain(x), x.LineNumber, x.LinePosition);
            }
            yield return e.Current;
        }
    }

    static string Explain(XmlException x)
    {
        var message = x.Message;
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        if (at > 0) message = message[..at].TrimEnd();
        if (message.StartsWith("refused ", StringComparison.Ordinal)) return message;
        if (message.Contains("DTD", StringComparison.Ordinal))
            return BodyStart.DtdRefused;
        if (message.Contains("end of file", StringComparison.OrdinalIgnoreCase) || message.Contains("Root element is missing", StringComparison.Ordinal))
            return $"the document is cut off or incomplete: {message}";
        return $"not well-formed XML: {message}";
    }

    /// <summary>Positions on the root element; refuses one of another name (a UN list read as OFAC's) or namespace.</summary>
    public static void ExpectRoot(ListReading list, XmlReader reader, string localName, IReadOnlyCollection<string> namespaces)
    {
        reader.MoveToContent();
        var (line, position) = Where(reader);
        if (reader.NodeType != XmlNodeType.Element) throw list.Refuse("no root element", line, position);
        if (reader.LocalName != localName)
            throw list.Refuse($"the root element is <{reader.LocalName}>, not <{localName}>: is this list's format right?", line, position);
        if (!namespaces.Contains(reader.NamespaceURI))
            throw list.Refuse($"<{localName}> is in namespace '{reader.NamespaceURI}', not one this format knows ({string.Join(", ", namespaces.Select(n => $"'{n}'"))})", line, position);
    }

    /// <summary>
    /// The elements under the root (and under the named container elements, such as INDIVIDUALS), each read whole.
    /// The reader must be on the root element.
    /// </summary>
    public static IEnumerable<XElement> Records(XmlReader reader, params string[] containers)
    {
        if (reader.IsEmptyElement) yield break;
        var chunk = new char[4096];
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            if (reader.Depth == 1 && containers.Contains(reader.LocalName)) { reader.Read(); continue; }
            yield return ReadElement(reader, chunk);
        }
    }

    /// <summary>The current element and its content by local name; leaves the reader after its end tag.</summary>
    static XElement ReadElement(XmlReader reader, char[] chunk)
    {
        var root = new XElement(reader.LocalName);
        var baseDepth = reader.Depth;
        CopyAttributes(reader, root);
        if (reader.IsEmptyElement) { reader.Read(); return root; }
        var open = new Stack<XElement>();
        open.Push(root);
        int nodes = 0, chars = 0;
        reader.Read();
        while (open.Count > 0)
        {
            if (++nodes > MaxRecordNodes || reader.Depth - baseDepth > MaxRecordDepth)
                throw Bounded(reader, $"a record nested deeper than {MaxRecordDepth} or with more than {MaxRecordNodes} nodes");
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var child = new XElement(reader.LocalName);
                    open.Peek().Add(child);
                    CopyAttributes(reader, child);
                    if (!reader.IsEmptyElement) open.Push(child);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    var text = CappedValue(reader, MaxRecordChars - chars, chunk);
                    chars += text.Length;
                    open.Peek().Add(new XText(text));
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
            }
            reader.Read();
        }
        return root;
    }

    /// <summary>A text node's value read in chunks, so a hostile one is refused at the cap, never held whole.</summary>
    static string CappedValue(XmlReader reader, int cap, char[] chunk)
    {
        if (!reader.CanReadValueChunk) return reader.Value.Length <= cap ? reader.Value : throw TooMuchText(reader);
        // Most values fit the chunk: one string, no builder.
        int length = 0, n;
        while (length < chunk.Length && (n = reader.ReadValueChunk(chunk, length, chunk.Length - length)) > 0) length += n;
        if (length > cap) throw TooMuchText(reader);
        if (length < chunk.Length) return new string(chunk, 0, length);
        var text = new System.Text.StringBuilder().Append(chunk, 0, length);
        while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + n > cap) throw TooMuchText(reader);
            text.Append(chunk, 0, n);
        }
        return text.ToString();
    }

    static XmlException TooMuchText(XmlReader reader) => Bounded(reader, $"a record with more than {MaxRecordChars} characters of text");

    static void CopyAttributes(XmlReader reader, XElement element)
    {
        if (!reader.HasAttributes) return;
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
            if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns") element.SetAttributeValue(reader.LocalName, reader.Value);
        reader.MoveToElement();
    }

    static XmlException Bounded(XmlReader reader, string what)
    {
        var (line, position) = Where(reader);
        return new XmlException($"refused {what}", null, line, position);
    }

    public static (int Line, int Position) Where(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    /// <summary>The trimmed text of a child element, or null when it is missing or blank.</summary>
    public static string? Text(this XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;
}
