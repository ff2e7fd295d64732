using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Config;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Matching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BorderAlerts.Core.Tests.Rules;

public class RulesFileTests
{
    /// <summary>An unclosed flow sequence on which YamlDotNet's scanner throws a bare InvalidOperationException.</summary>
    const string UnclosedFlow = "concepts:\n  dandong: [丹东\nrules: - broken\n";

    const string Yaml = """
        concepts:
          dandong: [Dandong, 丹東, 단둥]
        rules:
          - id: dandong
            name: Dandong
            query: '@dandong'
            severity: high
            to: [analysts, console]
          - id: broken
            query: "(coal AND"
          - id: unknown-concept
            query: '@nowhere OR coal'
          - id: off
            query: coal
            enabled: false
        """;

    [Fact]
    public void A_rule_with_a_bad_query_is_reported_with_line_and_column_and_the_others_work()
    {
        var rules = RuleSet.Compile(RulesFile.Parse(Yaml, "config/rules.yaml"));
        Assert.Equal(["dandong", "off"], rules.Rules.Select(r => r.Id));
        Assert.Equal(2, rules.Problems.Count);
        Assert.Equal("config/rules.yaml:10:22: rules[broken].query: expected a term, phrase or '(' after 'AND'", rules.Problems[0].ToString());
        Assert.StartsWith("config/rules.yaml:12:13: rules[unknown-concept].query: unknown concept '@nowhere'", rules.Problems[1].ToString());
        var match = rules.Matcher.Match(new MatchInput("丹東 coal", "")).Single();
        Assert.Equal(("dandong", Severity.High), (match.RuleId, match.Severity));
        Assert.Equal(["analysts", "console"], match.To);
    }

    [Theory]
    [InlineData("rules:\n  - id: a\n    query: x\n    severity: urgent\n", 4, "rules[0].severity")]
    [InlineData("rules:\n  - id: a\n", 2, "rules[0].query")]
    [InlineData("rules:\n  - id: a\n    query: x\n  - id: a\n    query: y\n", 4, "rules[1].id")]
    [InlineData("concepts:\n  dandong: Dandong\n", 2, "concepts.dandong")]
    [InlineData("concepts:\n  dandong: []\n", 2, "concepts.dandong")]
    [InlineData("colour: red\n", 1, ".colour")]
    [InlineData(UnclosedFlow, 3, "yaml")]
    public void A_broken_file_structure_names_line_and_field(string yaml, int line, string field)
    {
        var error = Assert.Throws<ConfigException>(() => RulesFile.Parse(yaml, "rules.yaml"));
        Assert.Equal((line, field), (error.Line, error.Field));
    }

    [Fact]
    public void Edits_are_picked_up_without_a_restart_and_a_broken_edit_keeps_the_old_rules()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "rules.yaml");
        File.WriteAllText(path, "rules:\n  - id: coal\n    query: coal\n");
        var clock = new ManualClock();
        var source = new FileRuleSource(path, NullLogger<FileRuleSource>.Instance, clock);
        Assert.Single(source.Current.Matcher.Match(new MatchInput("coal", "")));

        File.WriteAllText(path, "rules:\n  - id: iron\n    query: iron\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        source.ReloadNow();
        Assert.Empty(source.Current.Matcher.Match(new MatchInput("coal", "")));
        Assert.Single(source.Current.Matcher.Match(new MatchInput("iron", "")));

        File.WriteAllText(path, "rules: [ broken");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(10));
        source.ReloadNow();
        Assert.Single(source.Current.Matcher.Match(new MatchInput("iron", "")));
        dir.Delete(recursive: true);
    }

    [Fact]
    public void A_reload_the_yaml_scanner_cannot_read_is_logged_with_file_and_line_and_keeps_the_old_rules()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "rules.yaml");
        File.WriteAllText(path, "rules:\n  - id: coal\n    query: coal\n");
        var log = new RecordingLogger<FileRuleSource>();
        var source = new FileRuleSource(path, log, new ManualClock());

        File.WriteAllText(path, UnclosedFlow);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        source.ReloadNow();

        Assert.Single(source.Current.Matcher.Match(new MatchInput("coal", "")));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"{path}:3: yaml:"));
        dir.Delete(recursive: true);
    }

    [Fact]
    public void A_changed_file_is_noticed_on_read_and_swapped_in_the_background()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "rules.yaml");
        File.WriteAllText(path, "rules:\n  - id: coal\n    query: coal\n");
        var clock = new ManualClock();
        var source = new FileRuleSource(path, NullLogger<FileRuleSource>.Instance, clock);
        File.WriteAllText(path, "rules:\n  - id: iron\n    query: iron\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(2));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (source.Current.Rules.Single().Id != "iron" && DateTime.UtcNow < deadline) Thread.Sleep(10);
        Assert.Equal("iron", source.Current.Rules.Single().Id);
        dir.Delete(recursive: true);
    }

    sealed class ManualClock : TimeProvider
    {
        long _ticks = 1;
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
        public override long GetTimestamp() => Interlocked.Read(ref _ticks);
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
