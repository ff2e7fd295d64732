using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Rules.Query;
using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Delivery;

/// <summary>
/// New designations are news: a refresh that adds or removes entries is told, in one message, to the destinations of
/// the enabled rules that name the list (<c>@ofac-sdn</c>), as well as to the admin destination. A rule that names no
/// destination sends to the console, as its alerts do.
/// </summary>
public static class DesignationNews
{
    /// <summary>
    /// Tells what a refresh has to tell: its notices (health, changes) to the admin destination, and its news to every
    /// destination of the rules naming the list (the admin destination is not told twice).
    /// </summary>
    public static async Task TellAsync(WatchlistRefreshOutcome outcome, RuleSet rules, DeliveryRunner delivery, string? adminDestination)
    {
        foreach (var notice in outcome.Notices) await delivery.NotifyAdminAsync(notice);
        if (outcome.News is not { } news) return;
        foreach (var destination in Destinations(rules, outcome.ListId).Where(d => d != adminDestination)) await delivery.TellAsync(destination, news);
    }

    /// <summary>The destinations of the enabled rules whose query names <paramref name="listId"/>, each once.</summary>
    public static IReadOnlyList<string> Destinations(RuleSet rules, string listId) =>
        [.. rules.Rules.Where(r => r.Enabled && Names(r.Query, listId)).SelectMany(r => r.To.Count == 0 ? [CardOrReply.Console] : r.To).Distinct()];

    static bool Names(string query, string listId)
    {
        try { return QueryLexer.Tokenize(query).Any(t => t.Kind == TokenKind.Concept && t.Text == listId); }
        catch (QuerySyntaxException) { return false; } // a rule that does not compile alerts nobody
    }
}
