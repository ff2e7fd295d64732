using System.Text.RegularExpressions;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Query;

namespace BorderAlerts.Commands;

/// <summary>
/// `/rules add|edit|remove|enable|disable` (admins only; the dispatcher checks). A query is parsed before it is saved, so a
/// bad rule never reaches the matcher; destinations must exist. The file is never rewritten: the change is an override.
/// </summary>
public sealed partial class RuleWrites(IRuleSource rules, IDestinations destinations, AdminWriter writer)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var set = rules.Current;
        var id = request.Required("id");
        var seen = writer.Current.Get(AdminKinds.Rule, id);
        var current = AdminJson.Rule(seen);
        var existing = request.Subcommand == "add" ? null : RuleCommands.Find(set, id);
        var after = request.Subcommand switch
        {
            "add" => Whole(Add(set, id, request)),
            "edit" => Whole(Edit(set, existing!, request)),
            "enable" or "disable" => Switch(current, request.Subcommand == "enable"),
            "remove" => AdminJson.Rule(new RuleOverride(null, Removed: true)),
            _ => throw new CommandInputException($"Unknown /rules subcommand '{request.Subcommand}'."),
        };
        var change = await writer.WriteAsync(new AdminWrite(request.Caller.Actor, AdminKinds.Rule, id, $"rules {request.Subcommand}", after,
            Expected: new AdminExpectation(seen)), cancellationToken);
        var verb = request.Subcommand switch { "add" => "added", "edit" => "changed", "remove" => "removed", "enable" => "enabled", _ => "disabled" };
        return new CommandReply(Done(id, verb, change.Id));
    }

    /// <summary>
    /// The web panel's editor: a whole rule at once (added, or edited with its switch), with the chat commands' checks, as one
    /// audited override like `/rules add|edit`. A bad query throws <see cref="QuerySyntaxException"/> (with its column), nothing saved.
    /// </summary>
    public async Task<string> SaveAsync(Caller caller, RuleForm form, CancellationToken cancellationToken)
    {
        var set = rules.Current;
        var existing = set.Rules.FirstOrDefault(r => r.Id == form.Id);
        if (existing is null) CheckNewId(set, form.Id);
        var query = Checked(set, string.IsNullOrWhiteSpace(form.Query) ? throw new CommandInputException("'query' is missing.") : form.Query.Trim());
        var name = string.IsNullOrWhiteSpace(form.Name) ? form.Id : form.Name.Trim();
        var severity = ParseSeverity(string.IsNullOrWhiteSpace(form.Severity) ? null : form.Severity.Trim()) ?? existing?.Severity ?? Severity.Normal;
        var to = Destinations(form.To ?? "")!;
        var rule = existing is null ? new RuleDefinition(form.Id, name, query, severity, to, form.Enabled)
            : existing with { Name = name, Query = query, Severity = severity, To = to, Enabled = form.Enabled };
        var seen = writer.Current.Get(AdminKinds.Rule, form.Id);
        var action = existing is null ? "add" : "edit";
        var change = await writer.WriteAsync(new AdminWrite(caller.Actor, AdminKinds.Rule, form.Id, $"rules {action}", Whole(rule),
            Expected: new AdminExpectation(seen)), cancellationToken);
        return Done(form.Id, existing is null ? "added" : "changed", change.Id);
    }

    static string Done(string id, string verb, long changeId) =>
        $"Rule {id} {verb} (change #{changeId}; /rules undo {id} reverts it). It applies from the next poll.";

    static string Whole(RuleDefinition rule) => AdminJson.Rule(new RuleOverride(rule, Removed: false));

    /// <summary>A chat-made (or chat-edited) rule changes its own switch; a file rule gets a switch-only override.</summary>
    static string Switch(RuleOverride? current, bool enabled)
    {
        if (current?.Rule is { } whole) return Whole(whole with { Enabled = enabled });
        return AdminJson.Rule(new RuleOverride(null, Removed: false, Enabled: enabled));
    }

    RuleDefinition Add(RuleSet set, string id, CommandRequest request)
    {
        CheckNewId(set, id);
        var query = Checked(set, request.Required("query"));
        return new RuleDefinition(id, id, query, ParseSeverity(request.Option("severity")) ?? Severity.Normal, Destinations(request.Option("to")) ?? [], true);
    }

    static void CheckNewId(RuleSet set, string id)
    {
        if (!IdPattern().IsMatch(id)) throw new CommandInputException($"'{id}' is not a valid rule id: use a–z, 0–9, - and _, up to 64 characters.");
        if (set.Rules.Any(r => r.Id == id)) throw new CommandInputException($"A rule '{id}' exists already: use /rules edit.");
    }

    RuleDefinition Edit(RuleSet set, RuleDefinition rule, CommandRequest request)
    {
        if (request.Option("query") is null && request.Option("severity") is null && request.Option("to") is null)
            throw new CommandInputException("Give at least one of query, severity or to.");
        return rule with
        {
            Query = request.Option("query") is { } q ? Checked(set, q) : rule.Query,
            Severity = ParseSeverity(request.Option("severity")) ?? rule.Severity,
            To = Destinations(request.Option("to")) ?? rule.To,
        };
    }

    static string Checked(RuleSet set, string query)
    {
        QueryParser.Parse(query, set.Concepts, set.Watchlists); // throws with the column
        return query;
    }

    static Severity? ParseSeverity(string? text) => text is null ? null
        : Enum.TryParse<Severity>(text, ignoreCase: true, out var s) ? s : throw new CommandInputException($"'{text}' is not a severity (low, normal, high, critical).");

    IReadOnlyList<string>? Destinations(string? list)
    {
        if (list is null) return null;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.FirstOrDefault(n => destinations.Find(n) is null) is { } unknown)
            throw new CommandInputException($"There is no destination '{unknown}' in the settings.");
        return names;
    }
}

/// <summary>The panel's rule form: <c>id</c>, <c>name</c>, <c>query</c>, <c>severity</c>, <c>to</c> (comma-separated destinations, empty for the default), <c>enabled</c>.</summary>
public sealed record RuleForm(string Id, string? Name, string? Query, string? Severity, string? To, bool Enabled);
