using Microsoft.Playwright;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>
/// The README's screenshots, made by the browser tests. Each is written beside the test assembly
/// (screenshots/NAME.png) on every run; with VIKA_SCREENSHOTS=1 it is also copied to
/// docs/screenshots/NAME.png in the repository, so an ordinary test run never changes the tree.
/// </summary>
public static class Screenshots
{
    public const string RefreshVariable = "VIKA_SCREENSHOTS";

    public static string OutputDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string DocsDir => Path.Combine(RepoPaths.Root, "docs", "screenshots");

    /// <summary>True when the run refreshes docs/screenshots.</summary>
    public static bool Refreshing => Environment.GetEnvironmentVariable(RefreshVariable) == "1";

    /// <summary>A full-page screenshot named <paramref name="name"/> (no extension); the path written in the test output.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Directory.CreateDirectory(OutputDir);
        string path = Path.Combine(OutputDir, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        if (Refreshing)
        {
            Directory.CreateDirectory(DocsDir);
            File.Copy(path, Path.Combine(DocsDir, name + ".png"), overwrite: true);
        }

        return path;
    }
}
