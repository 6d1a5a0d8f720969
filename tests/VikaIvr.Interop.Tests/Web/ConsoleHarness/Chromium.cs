namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>
/// Debian's chromium, installed by scripts/setup.sh. The browser tests never download a browser
/// (Playwright's own builds are not used): a missing chromium fails the test with this message.
/// </summary>
public static class Chromium
{
    /// <summary>Overrides the path (e.g. another distribution's chromium).</summary>
    public const string PathVariable = "VIKA_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(PathVariable);
            path = string.IsNullOrEmpty(path) ? DefaultPath : path;
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"chromium not found at {path}: run scripts/setup.sh (it installs Debian's chromium) or set {PathVariable}. " +
                    "The console's browser tests never download a browser.");
            }

            return path;
        }
    }
}
