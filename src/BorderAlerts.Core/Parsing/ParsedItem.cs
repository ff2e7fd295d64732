namespace BorderAlerts.Core.Parsing;

/// <summary>One entry as the source published it, decoded and reduced to plain text.</summary>
public sealed record ParsedItem(string? Guid, string Title, Uri? Link, string Text, DateTimeOffset? Published, string? Author = null);

/// <summary>Parse stage outcome: items, or a reason that names what was wrong with the body.</summary>
public sealed record ParseResult(IReadOnlyList<ParsedItem> Items, string? Error, string EncodingName, int Skipped = 0)
{
    public bool Ok => Error is null;
    /// <summary>The hub and self address the document names for WebSub (<see cref="PushLinks"/>); null when it names neither.</summary>
    public DocumentLinks? Push { get; init; }
    public static ParseResult Fail(string error, string encoding) => new([], error, encoding);
}
