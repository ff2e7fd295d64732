using System.Text;

namespace BorderAlerts.Core.Items;

/// <summary>
/// The address an item is known by: scheme dropped (http and https are the same article), host lower-cased,
/// default port, tracking parameters (utm_*, xtor, fbclid…) and plain fragments removed, remaining parameters
/// sorted. Hash routes (#/…, #!…) are kept: single-page sites such as Cankao Xiaoxi put the article there.
/// </summary>
public static class UrlCanonicalizer
{
    static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "xtor", "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
        "cmpid", "ocid", "spm", "share", "from", "isappinstalled", "wt.mc_id", "ref_src",
    };

    public static string Canonical(Uri url)
    {
        var builder = new StringBuilder(url.Host.ToLowerInvariant().TrimEnd('.'));
        if (!url.IsDefaultPort) builder.Append(':').Append(url.Port);
        builder.Append(url.AbsolutePath);
        var query = KeptParameters(url.Query);
        if (query.Count > 0) builder.Append('?').AppendJoin('&', query);
        var fragment = url.Fragment;
        if (fragment.StartsWith("#/") || fragment.StartsWith("#!")) builder.Append(fragment);
        return builder.ToString();
    }

    static List<string> KeptParameters(string query)
    {
        var kept = new List<string>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name)) continue;
            kept.Add(pair);
        }
        kept.Sort(StringComparer.Ordinal);
        return kept;
    }
}
