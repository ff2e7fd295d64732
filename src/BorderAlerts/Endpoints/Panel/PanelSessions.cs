using BorderAlerts.Settings;
using BorderAlerts.Storage;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// The panel's session cookie: a random secret whose SHA-256 is in the store (PanelSignIns), so any instance sharing it
/// knows the session. HttpOnly, SameSite=Strict, Path=/panel, Secure when BorderAlerts:PublicUrl is https. A cookie the
/// store does not know (forged, ended, expired) counts as none.
/// </summary>
public sealed class PanelSessions(PanelSignIns signIns, IOptions<PanelSettings> settings, TimeProvider clock)
{
    public const string Cookie = "borderalerts_panel";
    public static readonly TimeSpan Life = TimeSpan.FromHours(8);

    public Task<PanelUser?> CurrentAsync(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Cookie, out var secret) ? signIns.FindSessionAsync(secret, clock.GetUtcNow(), context.RequestAborted)
            : Task.FromResult<PanelUser?>(null);

    /// <summary>Takes the one-time link and starts a session with its user and role; false for a link that cannot sign anyone in.</summary>
    public async Task<bool> SignInAsync(HttpContext context, string? token)
    {
        var now = clock.GetUtcNow();
        if (token is null || await signIns.TakeLinkAsync(token, now, context.RequestAborted) is not { } user) return false;
        var secret = PanelSignIns.NewSecret();
        await signIns.AddSessionAsync(secret, user, now + Life, now, context.RequestAborted);
        context.Response.Cookies.Append(Cookie, secret, Options(now + Life));
        return true;
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(Cookie, out var secret)) await signIns.EndSessionAsync(secret, context.RequestAborted);
        context.Response.Cookies.Delete(Cookie, Options(null));
    }

    CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = settings.Value.IsHttps, Path = "/panel", Expires = expires, IsEssential = true,
    };
}
