using BorderAlerts.Core.Text;
using BorderAlerts.Core.Search;
using System.Text;
using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Diagnosis;
using BorderAlerts.Core.Rules.Matching;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Commands;

/// <summary>`/rules`: the reading subcommands here; writes in <see cref="RuleWrites"/>, history and undo in <see cref="AdminHistory"/>.</summary>
public sealed class RuleCommands(IRuleSource rules, RuleWrites writes, AdminHistory history, AdminWriter admin, IItemArchive archive, TimeProvider clock,
    FeedbackCommands feedback)
{
    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "list" => Task.FromResult(List()),
        "show" => Task.FromResult(Show(request.Required("id"))),
        "test" => Task.FromResult(Test(request.Required("text"), request.Option("id"))),
        "backtest" => BacktestAsync(request, cancellationToken),
        "history" => history.HistoryAsync(request.Option("id"), cancellationToken),
        "feedback" => feedback.ReportAsync(request, cancellationToken),
        "undo" => history.UndoAsync(request, cancellationToken),
        _ => writes.HandleAsync(request, cancellationToken),
    };

    /// <summary>Chat backtests are open to everyone, so they stop at a year (the CLI goes further).</summary>
    const int MaxBacktestDays = 365;

    public static RuleDefinition Find(RuleSet set, string id) =>
        set.Rules.FirstOrDefault(r => r.Id == id) ?? throw new CommandInputException($"There is no rule '{id}' (see /rules list).");

    CommandReply List()
    {
        var set = rules.Current;
        var text = new StringBuilder($"{set.Rules.Count} rules:\n");
        foreach (var rule in set.Rules)
            text.Append($"• {rule.Id} [{Severity(rule)}] {(rule.Enabled ? "" : "(disabled) ")}{TextCut.OneLine(rule.Name)}{Origin(rule.Id)}\n");
        foreach (var problem in set.Problems) text.Append($"⚠ skipped: {TextCut.OneLine(problem.ToString())}\n");
        return new CommandReply(text.ToString().TrimEnd());
    }

    CommandReply Show(string id)
    {
        var rule = Find(rules.Current, id);
        return new CommandReply($"""
            {rule.Id}: {TextCut.OneLine(rule.Name)}{Origin(rule.Id)}
            query: {TextCut.OneLine(rule.Query)}
            severity: {Severity(rule)} · to: {(rule.To.Count == 0 ? "(default)" : string.Join(", ", rule.To))} · {(rule.Enabled ? "enabled" : "disabled")}
            """);
    }

    /// <summary>Which rules match a text; for one rule that does not, why not (the failed parts, the concepts found).</summary>
    CommandReply Test(string text, string? id)
    {
        var set = rules.Current;
        var input = new MatchInput(text, text);
        if (id is not null)
        {
            var diagnosis = WhyNot.Diagnose(Find(set, id), set.Concepts, input, set.Watchlists);
            return new CommandReply(WhyNot.Describe(diagnosis, maxDepth: 3));
        }
        var matches = set.Matcher.Match(input);
        if (matches.Count == 0)
        {
            var concepts = WhyNot.ConceptsIn(set.Concepts, input);
            return new CommandReply($"No rule matches that text.\n{WhyNot.DescribeConcepts(concepts)}\nAdd id:<rule> to see which part of a rule failed.");
        }
        var lines = matches.Select(m => $"• {m.RuleId} [{m.Severity.ToString().ToLowerInvariant()}] on " +
            string.Join(", ", m.Terms.Select(t => TextCut.OneLine(t.Excerpt)).Distinct()));
        return new CommandReply($"{matches.Count} rule(s) match:\n{string.Join('\n', lines)}");
    }

    async Task<CommandReply> BacktestAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var set = rules.Current;
        var rule = Find(set, request.Required("id"));
        var days = request.Option("days") is { } d ? int.TryParse(d, out var n) && n is >= 1 and <= MaxBacktestDays ? n
            : throw new CommandInputException($"days must be a whole number from 1 to {MaxBacktestDays}, not '{d}'.") : 30;
        var result = await Backtest.RunAsync(archive, rule, set.Concepts, clock.GetUtcNow().AddDays(-days), 5, cancellationToken, set.Watchlists);
        var text = new StringBuilder($"{rule.Id}: {result.Matched} of {result.Scanned} items in the last {days} days match; {result.WouldAlert} would have alerted.");
        foreach (var sample in result.Samples) text.Append($"\n• {sample.Dated.UtcDateTime:yyyy-MM-dd} {sample.FeedId}: {TextCut.OneLine(sample.Title)}");
        return new CommandReply(text.ToString());
    }

    static string Severity(RuleDefinition rule) => rule.Severity.ToString().ToLowerInvariant();

    string Origin(string id) => admin.Current.Get(AdminKinds.Rule, id) is null ? "" : " (changed from chat)";
}
