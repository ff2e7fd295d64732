using System.Text;
using BorderAlerts.Commands;

namespace BorderAlerts.Chat.Slack;

/// <summary>
/// Reads a slash command's text (docs/platform-contracts.md §S1) into a <see cref="CommandRequest"/>: the first word is
/// the subcommand, then `name:value` pairs (values in straight or curly quotes may hold spaces) for the subcommand's
/// options, and bare words filling its required options in order (the last one takes the rest: `/rules test 丹东海关查获走私`),
/// or else its first optional one (`/rules history border-coal`). `/search` takes the whole text as its query, whose
/// filters are query language anyway. Admins are the configured user ids.
/// </summary>
public static class SlackCommandParser
{
    public static CommandRequest Parse(string command, string text, Caller caller)
    {
        var name = command.TrimStart('/').Trim().ToLowerInvariant();
        var spec = CommandCatalog.Find(name);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spec == CommandCatalog.Search)
        {
            if (text.Trim().Length > 0) options["query"] = text.Trim();
            return new CommandRequest(name, null, options, caller);
        }
        var words = Words(text);
        string? sub = null;
        if (spec is { Subcommands.Count: > 0 } && words.Count > 0) { sub = words[0].ToLowerInvariant(); words.RemoveAt(0); }
        var known = (sub is null ? spec?.Options : spec?.Subcommand(sub)?.Options) ?? [];
        var bare = new List<string>();
        foreach (var word in words)
        {
            int colon = word.IndexOf(':');
            var key = colon > 0 ? word[..colon].ToLowerInvariant() : null;
            if (key is not null && known.Any(o => o.Name == key)) options[key] = Unquote(word[(colon + 1)..]);
            else bare.Add(Unquote(word));
        }
        var open = known.Where(o => o.Required && !options.ContainsKey(o.Name)).ToList();
        if (open.Count == 0 && known.FirstOrDefault(o => !options.ContainsKey(o.Name)) is { } optional) open.Add(optional); // `/rules undo border-coal`
        for (int i = 0; i < open.Count && i < bare.Count; i++)
            options[open[i].Name] = i == open.Count - 1 ? string.Join(' ', bare.Skip(i)) : bare[i];
        if (open.Count == 0 && bare.Count > 0) options["(extra words)"] = string.Join(' ', bare); // the dispatcher names it
        return new CommandRequest(name, sub, options, caller);
    }

    /// <summary>Splits on spaces outside quotes; quotes stay on the word so `query:"a b"` keeps its key.</summary>
    static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is null && char.IsWhiteSpace(c)) { if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); } continue; }
            if (quote is null && c is '"' or '“') quote = c == '"' ? '"' : '”';
            else if (c == quote) quote = null;
            word.Append(c);
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '“' && value[^1] == '”') ? value[1..^1] : value;
}
