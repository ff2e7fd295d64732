namespace BorderAlerts.Core.Rules.ListConcepts;

/// <summary>
/// Company legal forms, so a firm listed as "KOREA MINING DEVELOPMENT TRADING CORPORATION" is found as "Korea Mining
/// Development" and "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD." as "Dandong Hongxiang Industrial Development".
/// Latin forms are whole words at the end of the name (stripped repeatedly: "Trading Co., Ltd."); CJK and Korean forms
/// are suffixes (有限公司, 무역회사), and 株式会社 / 주식회사 also prefixes.
/// </summary>
public static class LegalForms
{
    static readonly string[][] Latin = new[]
    {
        "co", "ltd", "llc", "l l c", "limited", "corporation", "corp", "inc", "incorporated", "company", "trading", "group",
        "group of companies", "jsc", "ojsc", "cjsc", "pte", "plc", "llp", "gmbh", "fze", "fzco", "fzc", "sa", "s a", "sdn bhd",
        "bhd", "ooo", "zao", "oao", "pjsc", "general corporation", "joint venture", "jv",
    }.Select(f => f.Split(' ')).OrderByDescending(f => f.Length).ToArray();

    static readonly string[] CjkSuffixes =
    [
        "贸易有限公司", "貿易有限公司", "有限责任公司", "有限責任公司", "股份有限公司", "有限公司", "贸易公司", "貿易公司", "集团公司", "集團公司",
        "集团", "集團", "公司", "무역회사", "주식회사", "유한회사", "총회사", "회사", "株式会社", "有限会社", "合同会社",
    ];

    static readonly string[] CjkPrefixes = ["株式会社", "有限会社", "주식회사", "(주)", "㈜"];

    /// <summary>The name's words without legal forms at the end (Latin), or null when none was there.</summary>
    public static IReadOnlyList<string>? StripLatin(IReadOnlyList<string> words)
    {
        var kept = words.ToList();
        bool stripped = false;
        while (kept.Count > 0 && Latin.FirstOrDefault(form => EndsWith(kept, form)) is { } found)
        {
            kept.RemoveRange(kept.Count - found.Length, found.Length);
            stripped = true;
        }
        return stripped ? kept : null;
    }

    /// <summary>The name without a CJK or Korean legal form (suffix or prefix), or null when it had none or nothing is left.</summary>
    public static string? StripCjk(string name)
    {
        var compact = string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
        var left = compact;
        foreach (var prefix in CjkPrefixes) if (left.StartsWith(prefix, StringComparison.Ordinal)) left = left[prefix.Length..];
        foreach (var suffix in CjkSuffixes)
            if (left.EndsWith(suffix, StringComparison.Ordinal)) { left = left[..^suffix.Length]; break; }
        return left.Length == compact.Length || left.Length < 2 ? null : left;
    }

    static bool EndsWith(List<string> words, string[] form)
    {
        if (form.Length >= words.Count) return false; // never strip the whole name
        for (int k = 0; k < form.Length; k++)
            if (!string.Equals(words[words.Count - form.Length + k], form[k], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }
}
