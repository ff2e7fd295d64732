namespace BorderAlerts.Core.Text;

/// <summary>
/// The Korean initial-sound rule (두음법칙), folded to the ROK form so DPRK and ROK spellings meet: at the start of a
/// word ㄹ before ㅑㅕㅖㅛㅠㅣ becomes ㅇ (리→이), ㄹ before other vowels becomes ㄴ (로동→노동, 라선→나선), ㄴ before
/// ㅑㅕㅖㅛㅠㅣ becomes ㅇ (녀자→여자). Computed from the syllable's code point.
/// </summary>
public static class HangulInitials
{
    public const int SyllableBase = 0xAC00, SyllableCount = 11172;
    const int PerInitial = 21 * 28;
    const int Nieun = 2, Rieul = 5, Ieung = 11;

    public static bool IsSyllable(char c) => c >= SyllableBase && c < SyllableBase + SyllableCount;

    /// <summary>The ROK form of a word-initial syllable; other characters unchanged.</summary>
    public static char FoldWordInitial(char c)
    {
        if (!IsSyllable(c)) return c;
        int index = c - SyllableBase;
        int initial = index / PerInitial, rest = index % PerInitial, vowel = rest / 28;
        bool yVowel = vowel is 2 or 3 or 6 or 7 or 12 or 17 or 20; // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
        int folded = initial switch
        {
            Rieul => yVowel ? Ieung : Nieun,
            Nieun when yVowel => Ieung,
            _ => initial,
        };
        return (char)(SyllableBase + folded * PerInitial + rest);
    }

    /// <summary>
    /// The DPRK spellings a word-initial ROK syllable may stand for: 노 ← 로, 이 ← 리 and 니, 여 ← 려 and 녀. Inside a word
    /// the DPRK form is kept (조선로동당), so a term written the ROK way needs these to match there.
    /// </summary>
    public static IEnumerable<char> DprkForms(char rokForm)
    {
        if (!IsSyllable(rokForm)) yield break;
        int index = rokForm - SyllableBase;
        int initial = index / PerInitial, rest = index % PerInitial, vowel = rest / 28;
        bool yVowel = vowel is 2 or 3 or 6 or 7 or 12 or 17 or 20;
        if (initial == Nieun && !yVowel) yield return (char)(SyllableBase + Rieul * PerInitial + rest);
        if (initial == Ieung && yVowel)
        {
            yield return (char)(SyllableBase + Rieul * PerInitial + rest);
            yield return (char)(SyllableBase + Nieun * PerInitial + rest);
        }
    }
}
