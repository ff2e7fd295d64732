using BorderAlerts.Hosting;
using BorderAlerts.Settings;
using System.CommandLine;
using System.Text.Json;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.ListConcepts;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Cli;

/// <summary>`rules list|validate|test|backtest|eval|feedback`.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var command = new Command("rules", "List, validate, test and back-test alert rules (config/rules.yaml)");
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the rules and whether they compile") { json };
        list.SetAction((parse, ct) => ListAsync(output, errors, parse.GetValue(json), ct));
        var validate = new Command("validate", "Check rules.yaml; exit 2 naming file, line and column of every problem");
        validate.SetAction(_ => Validate(output, errors));
        command.Subcommands.Add(list);
        command.Subcommands.Add(validate);
        command.Subcommands.Add(RulesTestCommand.Create(output, errors));
        command.Subcommands.Add(RulesBacktestCommand.Create(output));
        command.Subcommands.Add(RulesEvalCommand.Create(output, errors));
        command.Subcommands.Add(RulesFeedbackCommand.Create(output));
        return command;
    }

    /// <summary>
    /// The rules the service runs: rules.yaml with the changes made from chat laid over it (they live in the store).
    /// Structural errors in the file throw (exit 2).
    /// </summary>
    public static async Task<RuleSet> LoadAsync(CancellationToken cancellationToken) => (await LoadWithChangesAsync(cancellationToken)).Rules;

    /// <summary>The rules, and the ids of those that chat added, edited or switched (their override in the store).</summary>
    static async Task<(RuleSet Rules, ISet<string> FromChat)> LoadWithChangesAsync(CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var state = app.Services.GetRequiredService<AdminOverlay>().Current;
        return (app.Services.GetRequiredService<IRuleSource>().Current, state.All(AdminKinds.Rule).Select(r => r.Target).ToHashSet());
    }

    static async Task<int> ListAsync(TextWriter output, TextWriter errors, bool json, CancellationToken cancellationToken)
    {
        var (rules, fromChat) = await LoadWithChangesAsync(cancellationToken);
        foreach (var problem in rules.Problems) errors.WriteLine($"error: {problem}");
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new
            {
                rules = rules.Rules.Select(r => new { id = r.Id, name = r.Name, query = r.Query, severity = r.Severity.ToString().ToLowerInvariant(), to = r.To, enabled = r.Enabled, changedFromChat = fromChat.Contains(r.Id) }),
                problems = rules.Problems.Select(p => p.ToString()),
            }));
            return CliApp.Ok;
        }
        foreach (var r in rules.Rules)
            output.WriteLine($"{r.Id,-28} {r.Severity.ToString().ToLowerInvariant(),-8} {(r.Enabled ? "on " : "off")} → {string.Join(",", r.To),-12} {r.Query}" +
                (fromChat.Contains(r.Id) ? "  (changed from chat; see /rules history)" : ""));
        output.WriteLine($"{rules.Rules.Count} rules, {rules.Concepts.Count} concepts, {rules.Matcher.PatternCount} terms; {rules.Problems.Count} skipped");
        return CliApp.Ok;
    }

    static int Validate(TextWriter output, TextWriter errors)
    {
        using var app = AppHost.Build(service: false); // validates every setting: a bad key exits 2
        var (paths, destinations) = (app.Services.Settings<PathSettings>(), app.Services.Settings<DestinationSettings>());
        var rules = RuleSet.Compile(RulesFile.Load(paths.RulesFile),
            WatchlistConceptSource.Load(app.Services.GetRequiredService<IWatchlistCatalog>(), Path.Combine(paths.ConfigDir, "watchlists.yaml")));
        foreach (var problem in rules.Problems) errors.WriteLine($"error: {problem}");
        var known = destinations.Destinations.Keys.Append("console").Distinct().Order().ToList();
        var unknown = rules.Rules.SelectMany(r => r.To.Where(d => !known.Contains(d)).Select(d => (Rule: r, Destination: d))).ToList();
        foreach (var (rule, destination) in unknown)
            errors.WriteLine($"error: {paths.RulesFile}:{rule.Line}: rules[{rule.Id}].to: no destination named '{destination}' in settings (configured: {string.Join(", ", known)})");
        if (rules.Problems.Count > 0 || unknown.Count > 0) return CliApp.BadInput;
        output.WriteLine($"ok: {rules.Rules.Count} rules, {rules.Concepts.Count} concepts, {rules.Matcher.PatternCount} terms");
        return CliApp.Ok;
    }
}
