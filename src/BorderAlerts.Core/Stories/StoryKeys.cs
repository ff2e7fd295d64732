using System.IO.Hashing;
using System.Text;

namespace BorderAlerts.Core.Stories;

/// <summary>
/// Keys under which a story is found again by later items: the wording's band keys (same-script re-reports), each
/// specific concept it names and each of its distinctive figures (re-reports in other scripts). A key only makes a candidate;
/// <see cref="StoryJudge"/> decides.
/// </summary>
public static class StoryKeys
{
    public static long[] Of(StoryFingerprint fingerprint, StoryConcepts facets)
    {
        var keys = new HashSet<long>(StorySignature.BandKeys(StorySignature.FromBytes(fingerprint.Body)));
        foreach (var concept in fingerprint.Concepts.Where(facets.IsSpecific)) keys.Add(Key("concept:" + concept));
        foreach (var figure in fingerprint.Numbers.Where(StoryJudge.Distinctive)) keys.Add(Key("figure:" + figure)); // "12" finds every story
        return [.. keys];
    }

    static long Key(string text) => (long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text));
}
