using System.Text.RegularExpressions;

namespace BorderAlerts.Core.Watchlists;

/// <summary>
/// IMO ship identification numbers as lists write them (<c>IMO 9030591</c>, <c>IMO9030591</c>, <c>9030591</c>):
/// the 7 digits, and whether the last one is the check digit of the first six (each digit times 7, 6, 5, 4, 3, 2; the
/// sum's last digit).
/// </summary>
public static partial class ImoNumber
{
    [GeneratedRegex(@"(?<![0-9])[0-9]{7}(?![0-9])")]
    private static partial Regex SevenDigits();

    /// <summary>The identifier for an IMO number as published: its 7 digits and a verified check digit, or the text as
    /// published, flagged invalid, when it holds no single 7-digit number.</summary>
    public static WatchlistIdentifier Identifier(string published)
    {
        var matches = SevenDigits().Matches(published);
        if (matches.Count != 1) return new WatchlistIdentifier(WatchlistIdentifier.Imo, published.Trim(), Valid: false);
        var digits = matches[0].Value;
        return new WatchlistIdentifier(WatchlistIdentifier.Imo, digits, HasValidCheckDigit(digits));
    }

    public static bool HasValidCheckDigit(string digits)
    {
        if (digits.Length != 7 || !digits.All(char.IsAsciiDigit)) return false;
        int sum = 0;
        for (int i = 0; i < 6; i++) sum += (digits[i] - '0') * (7 - i);
        return sum % 10 == digits[6] - '0';
    }
}
