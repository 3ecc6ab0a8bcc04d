using Microsoft.Playwright;

namespace Dateline.Web.Tests;

/// <summary>
/// One Playwright driver and one headless Debian Chromium (/usr/bin/chromium, never a downloaded browser) per test class.
/// Without Chromium, browser tests skip locally and fail when DATELINE_REQUIRE_BROWSER=1 (set by CI).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable("DATELINE_REQUIRE_BROWSER") == "1";

    public static string Screenshots { get; } = Path.Combine(Testing.RepoPaths.Root, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>The browser, or a skip (a failure when required) when Chromium is not installed.</summary>
    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        if (Required)
        {
            Assert.Fail($"DATELINE_REQUIRE_BROWSER=1 but {ChromiumPath} is missing (apt-get install chromium)");
        }

        Assert.Skip($"{ChromiumPath} is not installed; browser tests skip without it");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
