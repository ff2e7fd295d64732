using System.Text;

namespace BorderAlerts.Core.Text;

/// <summary>Normalisation shared by identity and matching: NFKC (folds full/half width), case folded, whitespace collapsed.</summary>
public static class TextNormalizer
{
    public static string ForIdentity(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        bool space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsPunctuation(c)) { space = builder.Length > 0; continue; }
            if (space) { builder.Append(' '); space = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
