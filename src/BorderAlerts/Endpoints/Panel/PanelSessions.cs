using BorderAlerts.Core.Panel;
using BorderAlerts.Settings;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// The panel's session cookie, carrying the session secret <see cref="PanelSignIn"/> gives and checks. HttpOnly,
/// SameSite=Strict, Path=/panel, Secure when BorderAlerts:PublicUrl is https. A cookie that signs no one in (forged,
/// ended, expired) counts as none.
/// </summary>
public sealed class PanelSessions(PanelSignIn signIn, IOptions<PanelSettings> settings)
{
    public const string Cookie = "borderalerts_panel";

    public Task<PanelUser?> CurrentAsync(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Cookie, out var secret) ? signIn.SessionAsync(secret, context.RequestAborted) : Task.FromResult<PanelUser?>(null);

    /// <summary>Takes the one-time link and starts a session with its user and role; false for a link that cannot sign anyone in.</summary>
    public async Task<bool> SignInAsync(HttpContext context, string? token)
    {
        if (await signIn.StartSessionAsync(token, context.RequestAborted) is not { } session) return false;
        context.Response.Cookies.Append(Cookie, session.Secret, Options(session.Expires));
        return true;
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(Cookie, out var secret)) await signIn.EndSessionAsync(secret, context.RequestAborted);
        context.Response.Cookies.Delete(Cookie, Options(null));
    }

    CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = settings.Value.IsHttps, Path = "/panel", Expires = expires, IsEssential = true,
    };
}
