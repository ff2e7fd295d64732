using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Rules;
using Microsoft.Extensions.Logging.Abstractions;

namespace BorderAlerts.Core.Tests.Admin;

/// <summary>Chat-made overrides laid over rules.yaml, as the rule source compiles them.</summary>
public sealed class OverridesTests : IDisposable
{
    readonly string _file = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.yaml");
    readonly AdminOverlay _overlay = new();

    static AdminState State(long version, params (string Target, RuleOverride Value)[] rules) =>
        new(version, rules.ToDictionary(r => (AdminKinds.Rule, r.Target), r => AdminJson.Rule(r.Value)));

    FileRuleSource Source() => new(_file, NullLogger<FileRuleSource>.Instance, TimeProvider.System, _overlay);

    [Fact]
    public void A_rule_switched_off_from_chat_still_follows_later_edits_of_the_file()
    {
        File.WriteAllText(_file, "rules:\n  - id: coal\n    query: 煤炭\n");
        _overlay.Replace(State(1, ("coal", new RuleOverride(null, false, Enabled: false))));
        var source = Source();
        Assert.False(source.Current.Rules.Single().Enabled);
        File.WriteAllText(_file, "rules:\n  - id: coal\n    query: 煤炭 OR 석탄\n");
        source.ReloadNow();
        var rule = source.Current.Rules.Single();
        Assert.Equal("煤炭 OR 석탄", rule.Query);
        Assert.False(rule.Enabled);
    }

    [Fact]
    public void Chat_changes_apply_while_the_file_is_broken()
    {
        File.WriteAllText(_file, "rules:\n  - id: coal\n    query: 煤炭\n");
        var source = Source();
        File.WriteAllText(_file, "rules: [ this is : not yaml");
        _overlay.Replace(State(1, ("coal", new RuleOverride(null, false, Enabled: false)),
            ("rason", new RuleOverride(new RuleDefinition("rason", "Rason", "라선 OR 羅先", Severity.High, [], true), false))));
        source.ReloadNow();
        Assert.False(source.Current.Rules.Single(r => r.Id == "coal").Enabled); // the last good file, with the override
        Assert.True(source.Current.Rules.Single(r => r.Id == "rason").Enabled);
    }

    [Fact]
    public void A_removal_hides_a_file_rule_and_an_older_overlay_never_replaces_a_newer_one()
    {
        File.WriteAllText(_file, "rules:\n  - id: coal\n    query: 煤炭\n  - id: oil\n    query: 石油\n");
        _overlay.Replace(State(2, ("coal", new RuleOverride(null, Removed: true))));
        _overlay.Replace(State(1));
        Assert.Equal(["oil"], Source().Current.Rules.Select(r => r.Id));
    }

    public void Dispose() => File.Delete(_file);
}
