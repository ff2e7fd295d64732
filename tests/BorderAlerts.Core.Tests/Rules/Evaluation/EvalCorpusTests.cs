using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Evaluation;

namespace BorderAlerts.Core.Tests.Rules.Evaluation;

public class EvalCorpusTests
{
    static (IReadOnlyList<EvalItem> Items, IReadOnlyList<EvalProblem> Problems) Read(string text) =>
        EvalCorpus.Read("corpus.jsonl", new StringReader(text));

    [Fact]
    public void A_malformed_line_is_named_by_file_and_line_and_the_lines_after_it_are_still_read()
    {
        var (items, problems) = Read("""
            {"id":"a","title":"Dandong smuggling","relevant":true}
            {"id":"b","title":
            {"id":"c","title":"Coalition talks","relevant":"yes"}
            {"id":"d","text":"no title","expect":["x"]}
            {"id":"e","title":"unlabelled"}
            {"id":"f","title":"Coal","expect":[]}
            """);
        Assert.Equal(["a", "d", "f"], items.Select(i => i.Id));
        Assert.Equal([true, true, false], items.Select(i => i.Relevant));
        Assert.Equal(["corpus.jsonl:2", "corpus.jsonl:3", "corpus.jsonl:5"], problems.Select(p => $"{p.File}:{p.Line}"));
        Assert.Contains("relevant: \"yes\" is not true or false", problems[1].Problem);
        Assert.Contains("relevant: missing", problems[2].Problem);
    }

    [Fact]
    public void Blank_lines_and_comments_are_skipped_and_an_empty_file_holds_nothing()
    {
        var (items, problems) = Read("# a comment\n\n   \n");
        Assert.Empty(items);
        Assert.Empty(problems);
    }

    [Fact]
    public void Precision_and_recall_count_per_language_and_per_rule_with_misses_and_false_alarms_listed()
    {
        var rules = RuleSet.Compile(RulesFile.Parse("""
            concepts:
              dandong: [Dandong, 丹东]
            rules:
              - id: dandong
                query: '@dandong'
              - id: coal
                query: 'coal'
            """, "rules.yaml"));
        var (items, _) = Read("""
            {"id":"1","lang":"en","title":"Dandong customs","relevant":true,"expect":["dandong"]}
            {"id":"2","lang":"en","title":"Coal prices fall","relevant":false}
            {"id":"3","lang":"zh-Hans","title":"丹东海关","relevant":true}
            {"id":"4","lang":"zh-Hans","title":"朝鲜劳工","relevant":true}
            {"id":"5","lang":"en","title":"Football","relevant":false}
            """);
        var report = RuleEvaluation.Run(rules, items);
        Assert.Equal((5, 3, 3, 2), (report.Overall.Items, report.Overall.Relevant, report.Overall.Alerted, report.Overall.TruePositives));
        Assert.Equal(2 / 3.0, report.Overall.Precision, 6);
        Assert.Equal(2 / 3.0, report.Overall.Recall, 6);
        var en = report.Languages.Single(l => l.Name == "en");
        Assert.Equal((0.5, 1.0), (en.Precision, en.Recall));
        var dandong = report.Rules.Single(r => r.Rule == "dandong");
        Assert.Equal((2, 2, 1, 1, 1.0), (dandong.Alerts, dandong.RelevantAlerts, dandong.Expected, dandong.Caught, dandong.Recall));
        Assert.Null(report.Rules.Single(r => r.Rule == "coal").Recall);
        Assert.Equal(["4"], report.Misses.Select(m => m.Item.Id));
        Assert.Equal(["2"], report.FalseAlarms.Select(m => m.Item.Id));
        Assert.Equal(["coal"], report.FalseAlarms[0].Rules);
    }
}
