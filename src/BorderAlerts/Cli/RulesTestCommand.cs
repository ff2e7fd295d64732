using System.CommandLine;
using System.Text.Json;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Cli;

/// <summary>`rules test --title T --text T [--lang L] [--source S] [--json]` and `rules test --jsonl FILE|-`.</summary>
public static class RulesTestCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var title = new Option<string>("--title") { Description = "Item title" };
        var text = new Option<string>("--text") { Description = "Item text" };
        var lang = new Option<string>("--lang") { Description = "Language tag, for lang: filters" };
        var source = new Option<string>("--source") { Description = "Feed id, for source: filters" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var jsonl = new Option<string>("--jsonl") { Description = "Test every line of a JSON-lines file ('-' for standard input): id, title, text, lang, source" };
        var whyNot = new Option<string>("--why-not") { Description = "For one rule: which parts of its query held, which failed, and which concepts the text mentions" };
        var command = new Command("test", "Show which rules an item would match, and why") { title, text, lang, source, json, jsonl, whyNot };
        command.Validators.Add(r =>
        {
            // GetResult, not GetValue: an option given without its value has its own parse error, and GetValue would throw.
            if (r.GetResult(jsonl) is null && r.GetResult(title) is null && r.GetResult(text) is null) r.AddError("give --title and/or --text, or --jsonl FILE");
        });
        command.SetAction(async (parse, ct) =>
        {
            var rules = await RulesCommand.LoadAsync(ct);
            foreach (var problem in rules.Problems) errors.WriteLine($"warning: skipped {problem}");
            if (parse.GetValue(jsonl) is { } file) return await Lines(output, rules.Matcher, file, ct);
            var input = new MatchInput(parse.GetValue(title) ?? "", parse.GetValue(text) ?? "", parse.GetValue(lang), parse.GetValue(source));
            if (parse.GetValue(whyNot) is { } ruleId) return WhyNotCommand.Print(output, rules, ruleId, input, parse.GetValue(json));
            var matches = rules.Matcher.Match(input);
            if (parse.GetValue(json)) output.WriteLine(CliJson.Serialize(new { matches = matches.Select(Detailed) }));
            else Print(output, matches);
            return CliApp.Ok;
        });
        return command;
    }

    static async Task<int> Lines(TextWriter output, RuleMatcher matcher, string file, CancellationToken cancellationToken)
    {
        if (file != "-" && !File.Exists(file)) throw new CliInputException($"{file}: file not found");
        using var reader = file == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(file);
        int number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) { output.WriteLine(CliJson.Serialize(new { id = (string?)null, error = $"line {number}: empty" })); continue; }
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var input = new MatchInput(Get(root, "title") ?? "", Get(root, "text") ?? "", Get(root, "lang"), Get(root, "source"));
                var matches = matcher.Match(input);
                output.WriteLine(CliJson.Serialize(new { id = IdOf(root), matches = matches.Select(Brief) }));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                output.WriteLine(CliJson.Serialize(new { id = (string?)null, error = $"line {number}: {e.Message.Split(". ")[0]}" }));
            }
        }
        return CliApp.Ok;
    }

    static string? Get(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The input's id as it was written (string or number), so scripts can join on it.</summary>
    static JsonElement? IdOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) ? id.Clone() : null;

    static object Brief(RuleMatch m) => new { rule = m.RuleId, severity = Lower(m.Severity), terms = m.Terms.Select(t => t.Excerpt).Distinct() };

    static object Detailed(RuleMatch m) => new
    {
        rule = m.RuleId, name = m.RuleName, severity = Lower(m.Severity), to = m.To,
        terms = m.Terms.Select(t => new { term = t.Term, field = t.Field.ToString().ToLowerInvariant(), start = t.Start, length = t.Length, text = t.Excerpt }),
    };

    static string Lower(Severity s) => s.ToString().ToLowerInvariant();

    static void Print(TextWriter output, IReadOnlyList<RuleMatch> matches)
    {
        if (matches.Count == 0) { output.WriteLine("no rule matches"); return; }
        foreach (var m in matches)
        {
            output.WriteLine($"{m.RuleId} ({Lower(m.Severity)}) → {string.Join(", ", m.To)}");
            foreach (var t in m.Terms) output.WriteLine($"  {t.Field.ToString().ToLowerInvariant()}[{t.Start}..{t.Start + t.Length}] \"{t.Excerpt}\" ← {t.Term}");
        }
    }
}
