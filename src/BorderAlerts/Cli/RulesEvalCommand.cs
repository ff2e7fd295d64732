using System.CommandLine;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Evaluation;

namespace BorderAlerts.Cli;

/// <summary>`rules eval FILE [--rules RULES.yaml] [--json]`: precision and recall of the rules on a labelled corpus.</summary>
public static class RulesEvalCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var file = new Argument<string>("file") { Description = "Labelled JSON lines: title, text, lang, source, and relevant (true/false) or expect ([rule ids])" };
        var rulesFile = new Option<string>("--rules") { Description = "Evaluate this rules file instead of the configured rules" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("eval", "Precision and recall of the rules on a labelled corpus, per language and per rule, with every miss and false alarm") { file, rulesFile, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliInputException($"{path}: file not found");
            using var reader = new StreamReader(path);
            var (items, problems) = EvalCorpus.Read(path, reader);
            foreach (var problem in problems) errors.WriteLine($"warning: skipped {problem}");
            if (items.Count == 0) throw new CliInputException($"{path}: no labelled lines (each line needs a title and \"relevant\": true|false or \"expect\": [rule ids])");
            var rules = parse.GetValue(rulesFile) is { } other ? RuleSet.Compile(RulesFile.Load(other)) : await RulesCommand.LoadAsync(ct);
            foreach (var problem in rules.Problems) errors.WriteLine($"warning: skipped {problem}");
            var report = RuleEvaluation.Run(rules, items);
            if (parse.GetValue(json)) output.WriteLine(CliJson.Serialize(Json(path, report, problems)));
            else Print(output, path, report, problems);
            return CliApp.Ok;
        });
        return command;
    }

    static object Json(string path, EvalReport report, IReadOnlyList<EvalProblem> problems) => new
    {
        file = path,
        problems = problems.Select(p => new { line = p.Line, problem = p.Problem }),
        overall = Score(report.Overall),
        languages = report.Languages.Select(Score),
        rules = report.Rules.Select(r => new { rule = r.Rule, alerts = r.Alerts, relevantAlerts = r.RelevantAlerts, precision = Round(r.Precision),
            expected = r.Expected, caught = r.Caught, recall = r.Recall is { } v ? Round(v) : (double?)null }),
        misses = report.Misses.Select(e => new { id = e.Item.Id, line = e.Item.Line, lang = e.Item.Lang, title = e.Item.Title }),
        falseAlarms = report.FalseAlarms.Select(e => new { id = e.Item.Id, line = e.Item.Line, lang = e.Item.Lang, title = e.Item.Title, rules = e.Rules }),
    };

    static object Score(EvalScore s) => new
    {
        name = s.Name, items = s.Items, relevant = s.Relevant, alerted = s.Alerted, truePositives = s.TruePositives,
        precision = Round(s.Precision), recall = Round(s.Recall),
    };

    static double Round(double value) => Math.Round(value, 4);

    static void Print(TextWriter output, string path, EvalReport report, IReadOnlyList<EvalProblem> problems)
    {
        output.WriteLine($"{path}: {report.Overall.Items} items, {report.Overall.Relevant} relevant{(problems.Count > 0 ? $", {problems.Count} lines skipped" : "")}");
        output.WriteLine($"{"",-10} {"items",6} {"relevant",8} {"alerted",7} {"precision",9} {"recall",6}");
        foreach (var s in report.Languages.Prepend(report.Overall))
            output.WriteLine($"{s.Name,-10} {s.Items,6} {s.Relevant,8} {s.Alerted,7} {s.Precision,9:0.000} {s.Recall,6:0.000}");
        output.WriteLine();
        output.WriteLine($"{"rule",-30} {"alerts",6} {"relevant",8} {"precision",9} {"expected",8} {"caught",6}");
        foreach (var r in report.Rules)
            output.WriteLine($"{r.Rule,-30} {r.Alerts,6} {r.RelevantAlerts,8} {r.Precision,9:0.000} {r.Expected,8} {r.Caught,6}");
        output.WriteLine();
        output.WriteLine($"misses ({report.Misses.Count}):");
        foreach (var e in report.Misses) output.WriteLine($"  {e.Item.Id} [{e.Item.Lang}] {e.Item.Title}");
        output.WriteLine($"false alarms ({report.FalseAlarms.Count}):");
        foreach (var e in report.FalseAlarms) output.WriteLine($"  {e.Item.Id} [{e.Item.Lang}] {e.Item.Title} ← {string.Join(", ", e.Rules)}");
    }
}
