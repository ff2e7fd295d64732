using BorderAlerts.Tests.Infrastructure;
using OpenQA.Selenium;

namespace BorderAlerts.Tests.Panel.Browser;

/// <summary>What the browser tests do on the panel as a person would: open the chat's link, read the page, wait for it.</summary>
public static class BrowserPanel
{
    /// <summary>
    /// Asks `/panel` on Discord for a link and opens it. The link names the public address (a proxy in front, in
    /// production); here the same path is opened on the host's loopback address.
    /// </summary>
    public static async Task<Uri> OpenSignInLinkAsync(IWebDriver browser, ChatHost host, bool admin = false)
    {
        var link = new Uri(host.BaseAddress, "/panel/login?token=" + PanelBrowser.LinkToken(await PanelSignInTests.DiscordLinkAsync(host, admin)));
        browser.Navigate().GoToUrl(link);
        return link;
    }

    public static void Open(IWebDriver browser, ChatHost host, string pathAndQuery) => browser.Navigate().GoToUrl(new Uri(host.BaseAddress, pathAndQuery));

    /// <summary>The page's visible text.</summary>
    public static string Text(IWebDriver browser) => browser.FindElement(By.TagName("body")).Text;

    /// <summary>The path and query the browser shows.</summary>
    public static string Location(IWebDriver browser) => new Uri(browser.Url).PathAndQuery;

    /// <summary>Waits until the page shows <paramref name="text"/> (a click's navigation or the script's answer may still be on its way).</summary>
    public static Task ShowsAsync(IWebDriver browser, string text, string? within = null) =>
        UntilAsync(() => (within is null ? Text(browser) : browser.FindElement(By.Id(within)).Text).Contains(text, StringComparison.Ordinal),
            $"the page shows \"{text}\"{(within is null ? "" : " in #" + within)}");

    /// <summary>Waits until the browser is at <paramref name="pathAndQuery"/> (after a click on a link or a button).</summary>
    public static Task AtAsync(IWebDriver browser, string pathAndQuery) =>
        UntilAsync(() => Location(browser) == pathAndQuery, $"the browser is at {pathAndQuery}");

    /// <summary>A page between two documents has no body yet: that counts as not yet.</summary>
    static Task UntilAsync(Func<bool> condition, string what) => Eventually.TrueAsync(() =>
    {
        try { return Task.FromResult(condition()); }
        catch (Exception e) when (e is NoSuchElementException or StaleElementReferenceException) { return Task.FromResult(false); }
    }, what);

    /// <summary>
    /// Clicks the element once it is on the current page: right after a navigation the browser may still hand out the
    /// previous document's elements, which Chromium then refuses as stale.
    /// </summary>
    public static Task ClickAsync(IWebDriver browser, By by) => UntilAsync(() =>
    {
        browser.FindElement(by).Click();
        return true;
    }, $"clicked {by}");

    public static void Type(IWebDriver browser, string id, string text)
    {
        var field = browser.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }
}
