using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules;

/// <summary>
/// What a concept is called on a card, so a reader who cannot read the matched script still sees what matched
/// (丹東 → Dandong): the concept's <c>label</c> in rules.yaml, else its first alias written in Latin script (without a
/// wildcard), else none.
/// </summary>
public static class ConceptLabels
{
    public static string? Default(IReadOnlyList<string> aliases) =>
        aliases.FirstOrDefault(alias => !alias.EndsWith('*') && IsLatin(alias));

    /// <summary>Letters all in Latin script (digits, spaces and punctuation allowed), and at least one letter.</summary>
    public static bool IsLatin(string text)
    {
        bool letter = false;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            if (!(char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF')) return false;
            letter = true;
        }
        return letter;
    }

    /// <summary>
    /// A matched term as a card shows it: with its concept's label after an arrow, unless the term is that label already
    /// (Latin, and equal once folded), or has no concept or label.
    /// </summary>
    public static string Gloss(string excerpt, string? label) =>
        label is null || IsLatin(excerpt) && MatchText.Normalize(excerpt) == MatchText.Normalize(label) ? excerpt : $"{excerpt} → {label}";
}
