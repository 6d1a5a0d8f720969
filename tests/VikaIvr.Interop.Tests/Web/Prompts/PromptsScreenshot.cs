using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web.Prompts;

/// <summary>
/// The README's screenshot of the prompts page: the page as the server sent it (its styles are inline),
/// drawn by Debian's chromium headless from a file with a base of the server's address.
/// </summary>
public static class PromptsScreenshot
{
    public static async Task SaveAsync(string html, Uri admin, string png, CancellationToken ct)
    {
        string dir = Directory.CreateTempSubdirectory("vika-prompts-shot-").FullName;
        try
        {
            string page = Path.Combine(dir, "prompts.html");
            await File.WriteAllTextAsync(page, html.Replace("<head>", $"<head><base href=\"{admin}\">", StringComparison.Ordinal), ct);
            Directory.CreateDirectory(Path.GetDirectoryName(png)!);
            string shot = Path.Combine(dir, "prompts.png");
            var result = await ProcessRunner.RunAsync("chromium",
                ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={Path.Combine(dir, "profile")}",
                 "--window-size=1280,1400", $"--screenshot={shot}", new Uri(page).AbsoluteUri], TimeSpan.FromSeconds(60));
            Assert.True(File.Exists(shot) && new FileInfo(shot).Length > 10_000, $"chromium made no screenshot\n{result.Describe()}");
            File.Copy(shot, png, overwrite: true);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
