using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Core.Rules.ListConcepts;

/// <summary>
/// The words that make a short or common listed name count (docs/query-language.md "Watchlists"): a vessel word near a
/// vessel name, an IMO number or a call sign; a company word near a firm name. "Near" is at most <see cref="Window"/>
/// words apart in the same field ("the tanker NAM SAN 8", "HONESTY, an Iranian-flagged tanker").
/// </summary>
public static class ContextWords
{
    public const int Window = 4;
    /// <summary>The concept name context words carry in explanations.</summary>
    public const string ConceptName = "watchlist-context";

    public static IReadOnlyList<TermNode> Vessel { get; } = Terms(
        "vessel", "vessels", "ship", "ships", "tanker", "tankers", "freighter", "cargo ship", "bulk carrier", "carrier", "boat",
        "ship-to-ship", "flagged", "imo", "mv", "m/v", "call sign", "crew", "port", "sailed", "docked",
        "선박", "유조선", "화물선", "船", "船舶", "油轮", "货轮", "货船", "油船", "船只");

    public static IReadOnlyList<TermNode> Company { get; } = Terms(
        "company", "companies", "firm", "firms", "corporation", "corp", "co", "ltd", "limited", "llc", "inc", "group",
        "enterprise", "trading", "trader", "traders", "bank", "front company", "subsidiary", "business",
        "회사", "기업", "업체", "무역회사", "公司", "企业", "商社", "会社");

    static TermNode[] Terms(params string[] words) =>
        words.Select(w => new TermNode(w, MatchText.Normalize(w), Fields.Any, Prefix: false)).ToArray();
}
