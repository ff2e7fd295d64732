using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.Matching;

public sealed partial class RuleMatcher
{
    /// <summary>Patterns by text and boundaries, each once, with the leaves' pattern ids into them.</summary>
    sealed class PatternSet
    {
        readonly Dictionary<(string, bool, bool), int> _patternIds = new();
        /// <summary>Patterns so far only a phrase spelling of another term (<see cref="Pattern.Term"/> is that term).</summary>
        readonly HashSet<int> _spellingsOnly = [];
        public List<Pattern> Patterns { get; } = [];

        /// <summary>
        /// The patterns of the terms, their Korean variants and their phrase spellings (<see cref="PhraseFolds"/>), each once,
        /// in order: a plain loop, as a concept may hold 100,000 terms.
        /// </summary>
        public int[] PatternIds(IReadOnlyList<TermNode> terms)
        {
            var ids = new List<int>(terms.Count);
            var seen = new HashSet<int>(terms.Count);
            foreach (var term in terms)
            {
                Add(PatternId(term));
                if (StartsWithSyllable(term)) foreach (var variant in KoreanVariants(term)) Add(PatternId(variant));
                foreach (var spelling in PhraseFolds.OtherSpellings(term.Normalized))
                    if (spelling.Length <= Automaton.MaxPatternLength) Add(PatternId(term with { Normalized = spelling }, term.Normalized));
            }
            return ids.ToArray();

            void Add(int id)
            {
                if (seen.Add(id)) ids.Add(id);
            }
        }

        static bool StartsWithSyllable(TermNode term) =>
            term.Raw.AsSpan().TrimStart() is var raw && raw.Length > 0 && HangulInitials.IsSyllable(raw[0]);

        /// <summary>
        /// For Korean terms the forms that match inside a word, where the initial-sound rule does not fold the text: a
        /// DPRK-spelled term as written (로동당 in 조선로동당), and a ROK-spelled term of two or more syllables in its
        /// possible DPRK spellings (노동당 → 로동당), so either spelling finds the other.
        /// </summary>
        static IEnumerable<TermNode> KoreanVariants(TermNode term)
        {
            var raw = (term.Prefix ? term.Raw[..^1] : term.Raw).TrimStart();
            if (raw.Length == 0 || !HangulInitials.IsSyllable(raw[0])) yield break;
            var midWord = MatchText.Normalize(raw, atWordStart: false);
            var seen = new HashSet<string> { term.Normalized };
            if (midWord.Length > 0 && seen.Add(midWord)) yield return term with { Normalized = midWord };
            if (midWord.Length < 2 || !HangulInitials.IsSyllable(midWord[1])) yield break;
            foreach (var dprk in HangulInitials.DprkForms(midWord[0]))
                if (seen.Add(dprk + midWord[1..])) yield return term with { Normalized = dprk + midWord[1..] };
        }

        /// <summary>The pattern of a term; a phrase spelling (<paramref name="spellingOf"/>) reports the term it spells, unless a term of its own has it.</summary>
        int PatternId(TermNode term, string? spellingOf = null)
        {
            var text = term.Normalized;
            var key = (text, MatchText.IsWordChar(text[0]), !term.Prefix && MatchText.IsWordChar(text[^1]));
            if (_patternIds.TryGetValue(key, out var id))
            {
                if (spellingOf is null && _spellingsOnly.Remove(id)) Patterns[id] = Patterns[id] with { Term = text };
                return id;
            }
            id = Patterns.Count;
            Patterns.Add(new Pattern(id, text, key.Item2, key.Item3) { Term = spellingOf ?? text });
            if (spellingOf is not null) _spellingsOnly.Add(id);
            _patternIds[key] = id;
            return id;
        }
    }
}
