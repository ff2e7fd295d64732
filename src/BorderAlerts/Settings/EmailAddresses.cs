using System.Net.Mail;

namespace BorderAlerts.Settings;

/// <summary>An email destination's addresses as settings write them: one, or several comma-separated.</summary>
public static class EmailAddresses
{
    public static IReadOnlyList<string> Split(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static bool AreValid(string? text) => Split(text) is { Count: > 0 } all && all.All(a => MailAddress.TryCreate(a, out _));
}
