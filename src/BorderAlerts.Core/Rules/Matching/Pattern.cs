namespace BorderAlerts.Core.Rules.Matching;

/// <summary>
/// A normalised string the automaton looks for. Edges that are Latin letters or digits must sit on word boundaries
/// (no "coal" in "coalition"); a wildcard term leaves its end open; CJK and Hangul edges match inside words.
/// </summary>
public sealed record Pattern(int Id, string Text, bool StartBoundary, bool EndBoundary)
{
    /// <summary>The term a hit reports: the text, or for a phrase spelling the term's own (计画 found for 计划 reports 计划).</summary>
    public string Term { get; init; } = Text;
}
