using BorderAlerts.Core.Text;
using BorderAlerts.Core.Search;

namespace BorderAlerts.Commands;

/// <summary>Who ran a command. <see cref="IsAdmin"/> was decided by the platform adapter from settings and the payload.</summary>
public sealed record Caller(string Platform, string UserId, string Name, bool IsAdmin)
{
    /// <summary>How the audit record names the caller.</summary>
    public string Actor => $"{Platform}:{UserId} ({Name})";
}

/// <summary>A chat command, the same whichever platform it came from.</summary>
public sealed record CommandRequest(string Command, string? Subcommand, IReadOnlyDictionary<string, string> Options, Caller Caller)
{
    public string? Option(string name) => Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string name) => Option(name) ?? throw new CommandInputException($"'{name}' is missing.");
}

/// <summary>
/// The answer: plain text, one item a line (the platform escapes it line by line and defuses mentions; text from a feed
/// or a user goes in through TextCut.OneLine so it cannot add lines), optionally search hits to show as cards, and the
/// request for the next page of those hits, or buttons of its own (an answer to a card's button can be taken back).
/// </summary>
public sealed record CommandReply(string Text, IReadOnlyList<SearchHit>? Hits = null, SearchRequest? Next = null)
{
    public bool IsError { get; init; }

    /// <summary>Buttons under the answer: a label and the id the platform hands back when it is pressed.</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>A link shown as one (a link button on Discord, a link on Slack), never as escaped text that would not open.</summary>
    public ReplyLink? Link { get; init; }

    public static CommandReply Error(string text) => new(text) { IsError = true };
}

public sealed record ReplyButton(string Label, string Id);

public sealed record ReplyLink(string Label, Uri Url);

/// <summary>A command the caller got wrong; the message says what and the dispatcher adds an example.</summary>
public sealed class CommandInputException(string message) : Exception(message);
