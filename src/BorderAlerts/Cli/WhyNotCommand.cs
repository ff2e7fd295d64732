using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Diagnosis;
using BorderAlerts.Core.Rules.Matching;

namespace BorderAlerts.Cli;

/// <summary>`rules test --why-not RULE`: which parts of one rule held for a text, which failed, and what the text mentions.</summary>
public static class WhyNotCommand
{
    public static int Print(TextWriter output, RuleSet rules, string ruleId, MatchInput input, bool json)
    {
        var rule = rules.Rules.FirstOrDefault(r => r.Id == ruleId)
            ?? throw new CliInputException($"--why-not: there is no rule '{ruleId}' (known: {string.Join(", ", rules.Rules.Select(r => r.Id))})");
        var diagnosis = WhyNot.Diagnose(rule, rules.Concepts, input, rules.Watchlists);
        if (!json) { output.WriteLine(WhyNot.Describe(diagnosis)); return CliApp.Ok; }
        output.WriteLine(CliJson.Serialize(new
        {
            rule = diagnosis.RuleId, matched = diagnosis.Matched,
            failed = diagnosis.Failures.Select(f => f.Part),
            query = Json(diagnosis.Check),
            concepts = diagnosis.Concepts.Select(c => new { concept = c.Concept, found = c.Found }),
        }));
        return CliApp.Ok;
    }

    static object Json(QueryCheck check) => new { part = check.Part, held = check.Held, found = check.Found, parts = check.Parts.Select(Json) };
}
