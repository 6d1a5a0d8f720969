using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// Saves a picture of a server-rendered console page into docs/screenshots/ with Debian's headless
/// Chromium (the page needs no script and carries its CSS inline, so its saved HTML draws the same).
/// </summary>
internal static class PageScreenshot
{
    public static async Task SaveAsync(string html, string name, int width, int height)
    {
        string dir = Directory.CreateTempSubdirectory("vika-screenshot-").FullName;
        try
        {
            string page = Path.Combine(dir, "page.html");
            await File.WriteAllTextAsync(page, html);
            string target = Path.Combine(RepoPaths.Root, "docs", "screenshots", name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var result = await ProcessRunner.RunAsync("chromium",
                ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={Path.Combine(dir, "profile")}",
                 $"--window-size={width},{height}", $"--screenshot={target}", new Uri(page).AbsoluteUri],
                TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0 && File.Exists(target), "chromium could not take the screenshot: " + result.Describe());
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
