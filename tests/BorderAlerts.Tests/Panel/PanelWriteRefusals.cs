using System.Net;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Panel;

/// <summary>What every panel write refuses: a reader (403, and the reader's page has no such form) and a post without its token (400 naming the field).</summary>
static class PanelWriteRefusals
{
    public static async Task AssertAsync(ChatHost host, string page, string action, params (string Name, string Value)[] fields)
    {
        using var reader = await PanelSignInTests.SignedInAsync(host);
        using var admin = await PanelSignInTests.SignedInAsync(host, admin: true);

        var readerPage = await reader.GetAsync(page);
        var readerPost = await reader.PostFormAsync(action, [("__RequestVerificationToken", PanelBrowser.FormToken(readerPage.Html)), .. fields]);
        var noToken = await admin.PostFormAsync(action, fields);

        Assert.DoesNotContain($"action=\"{action}\"", readerPage.Html);
        Assert.Equal(HttpStatusCode.Forbidden, readerPost.Status);
        Assert.Contains("Only admins can do this", readerPost.Html);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Contains("__RequestVerificationToken is missing or not valid", noToken.Html);
    }
}
