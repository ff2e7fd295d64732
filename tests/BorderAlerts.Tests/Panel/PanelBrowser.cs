using System.Net;
using System.Text.RegularExpressions;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

public sealed record PanelPage(HttpStatusCode Status, string Html, HttpResponseMessage Response)
{
    /// <summary>The Set-Cookie header for <paramref name="name"/>, or null.</summary>
    public string? SetCookie(string name) =>
        Response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : null;
}

/// <summary>
/// A browser as far as the panel needs one: real HTTP to a <see cref="ChatHost"/>, no redirects followed, cookies kept
/// by name (only the value; the attributes are checked from <see cref="PanelPage.SetCookie"/>), so a test can also forge one.
/// </summary>
public sealed partial class PanelBrowser(Uri baseAddress) : IDisposable
{
    readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    public Dictionary<string, string> Cookies { get; } = [];

    public static string LinkToken(string answer) => LinkPattern().Match(answer) is { Success: true } m ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"no panel link in: {answer}");

    public Task<PanelPage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<PanelPage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) });

    /// <summary>The sign-out form's anti-forgery token on a page.</summary>
    public static string FormToken(string html) => FormTokenPattern().Match(html).Groups[1].Value;

    async Task<PanelPage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) Cookies.Remove(pair[0]);
                else Cookies[pair[0]] = pair[1];
            }
        return new PanelPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"/panel/login\?token=([0-9a-f]{64})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();
}
