using System.Security.Cryptography;
using System.Text;

namespace BorderAlerts.Core.Panel;

/// <summary>
/// The web panel's sign-in rules. `/panel` in chat gives a link that works once, for <see cref="LinkLife"/>; taking it
/// starts a session of <see cref="SessionLife"/> with the role the chat rules gave the user when they asked. Secrets are
/// 256 random bits in lower-case hex (safe in a URL, a cookie and chat markup); the store sees only their SHA-256, so a
/// copy of it signs no one in. Anything else offered as a secret is refused without asking the store.
/// </summary>
public sealed class PanelSignIn(IPanelPassStore store, TimeProvider clock)
{
    public static readonly TimeSpan LinkLife = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SessionLife = TimeSpan.FromHours(8);

    /// <summary>A new link secret for <paramref name="user"/>; expired passes are cleared on the way (they are few).</summary>
    public async Task<string> NewLinkAsync(PanelUser user, CancellationToken cancellationToken) =>
        await AddAsync(PanelPassKind.Link, user, LinkLife, cancellationToken);

    /// <summary>Takes a link and starts a session for its user: the session's secret and end, or null for a link that signs no one in.</summary>
    public async Task<(string Secret, DateTimeOffset Expires)?> StartSessionAsync(string? link, CancellationToken cancellationToken)
    {
        if (KeyOf(link) is not { } key || Live(await store.TakeAsync(PanelPassKind.Link, key, cancellationToken)) is not { } pass) return null;
        var secret = await AddAsync(PanelPassKind.Session, pass.User, SessionLife, cancellationToken);
        return (secret, clock.GetUtcNow() + SessionLife);
    }

    /// <summary>The session's user while it lasts; null for an unknown, ended, expired or malformed one.</summary>
    public async Task<PanelUser?> SessionAsync(string? secret, CancellationToken cancellationToken) =>
        KeyOf(secret) is { } key ? Live(await store.FindAsync(PanelPassKind.Session, key, cancellationToken))?.User : null;

    public async Task EndSessionAsync(string? secret, CancellationToken cancellationToken)
    {
        if (KeyOf(secret) is { } key) await store.RemoveAsync(PanelPassKind.Session, key, cancellationToken);
    }

    async Task<string> AddAsync(PanelPassKind kind, PanelUser user, TimeSpan life, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await store.RemoveExpiredAsync(now, cancellationToken);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await store.AddAsync(kind, KeyOf(secret)!, new PanelPass(user, now + life), cancellationToken);
        return secret;
    }

    PanelPass? Live(PanelPass? pass) => pass is not null && pass.Expires > clock.GetUtcNow() ? pass : null;

    /// <summary>SHA-256 of a well-formed secret (64 lower-case hex digits); null for anything else.</summary>
    public static byte[]? KeyOf(string? secret) =>
        secret is { Length: 64 } && secret.All(char.IsAsciiHexDigitLower) ? SHA256.HashData(Encoding.ASCII.GetBytes(secret)) : null;
}
