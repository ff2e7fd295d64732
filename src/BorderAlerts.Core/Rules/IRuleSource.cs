namespace BorderAlerts.Core.Rules;

/// <summary>The rules in force now. Reads are cheap; a changed file is compiled aside and swapped in.</summary>
public interface IRuleSource
{
    RuleSet Current { get; }
}
