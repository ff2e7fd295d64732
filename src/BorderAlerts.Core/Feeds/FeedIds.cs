using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Feeds;

public static partial class FeedIds
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => Pattern().IsMatch(id);
}
