using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace BorderAlerts.Tests.Panel.Browser;

/// <summary>
/// The browser the panel's browser tests use: Debian's Chromium and its chromedriver (`apt-get install -y chromium
/// chromium-driver`; `.ci/run` installs them), driven by Selenium with those two paths given, so nothing is looked up
/// or downloaded. Where they are missing the browser tests are reported as skipped, with the reason, unless
/// BORDERALERTS_REQUIRE_BROWSER=1 (CI), which makes them run and fail with how to install them.
/// </summary>
public static class Chromium
{
    public const string Binary = "/usr/bin/chromium", Driver = "/usr/bin/chromedriver", RequireVariable = "BORDERALERTS_REQUIRE_BROWSER";
    public const string Install = "apt-get install -y chromium chromium-driver";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static bool Installed => Missing is null;

    /// <summary>What is missing, or null when both are installed.</summary>
    static string? Missing => string.Join(" and ", new[] { Binary, Driver }.Where(path => !File.Exists(path))) is { Length: > 0 } paths ? paths + " not found" : null;

    /// <summary>Why the browser tests cannot run here, or null when they can (or must).</summary>
    public static string? SkipReason => Required || Missing is null ? null
        : $"{Missing}; run `{Install}` (as root) to run the browser tests, as .ci/run does";

    /// <summary>A headless browser on its own chromedriver; disposing the driver ends both.</summary>
    public static ChromeDriver Start()
    {
        if (Missing is { } missing)
            throw new InvalidOperationException($"The browser tests need Debian's Chromium: {missing}. Install them with `{Install}` (as root); {RequireVariable}=1 makes them required.");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en");
        if (Environment.UserName == "root") options.AddArgument("--no-sandbox"); // Chromium's sandbox refuses to run as root
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(30));
    }
}

/// <summary>
/// One browser for a test class (<c>IClassFixture&lt;ChromiumFixture&gt;</c>), started on first use, so a class whose
/// tests are skipped starts none. <see cref="Fresh"/> hands it over with no cookies: a new visitor for each test.
/// </summary>
public sealed class ChromiumFixture : IDisposable
{
    readonly Lazy<ChromeDriver> _driver = new(Chromium.Start);

    public IWebDriver Fresh()
    {
        var driver = _driver.Value;
        driver.Navigate().GoToUrl("about:blank");
        driver.ExecuteCdpCommand("Storage.clearCookies", []);
        return driver;
    }

    public void Dispose()
    {
        if (_driver.IsValueCreated) _driver.Value.Dispose(); // quits the browser and its chromedriver
    }
}

/// <summary>A test that needs the browser: skipped, with the reason, where Chromium is missing (see <see cref="Chromium"/>).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A theory that needs the browser: skipped, with the reason, where Chromium is missing.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = Chromium.SkipReason;
}
