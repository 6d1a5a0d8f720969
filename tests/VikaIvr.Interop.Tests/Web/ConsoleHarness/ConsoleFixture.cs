using Microsoft.Playwright;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>
/// One `vika serve` with its admin endpoint on a free loopback port, a fresh data folder holding
/// one account per role (<see cref="ConsoleAccount"/>, made with `vika users add` before the server
/// starts), and Debian's chromium driven by Playwright (headless, never downloaded). A class
/// fixture: derive and override <see cref="Options"/> for other server settings. A start failure
/// fails each test with its cause (never a skip).
/// </summary>
public class ConsoleFixture : IAsyncLifetime
{
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Exception? _startFailure;
    private string? _dataDir;

    public ServerProcess Server => _server ?? throw NotStarted();

    public IBrowser Browser => _browser ?? throw NotStarted();

    /// <summary>The console's root ("http://127.0.0.1:PORT/").</summary>
    public Uri BaseUrl => Server.AdminUrl;

    /// <summary>The server's settings; <see cref="ServerOptions.DataDir"/> is replaced by the fixture's own folder.</summary>
    protected virtual ServerOptions Options => new();

    /// <summary>The absolute address of a console path ("/users").</summary>
    public Uri Url(string path) => new(BaseUrl, path);

    public async Task InitializeAsync()
    {
        try
        {
            _dataDir = Directory.CreateTempSubdirectory("vika-console-").FullName;
            foreach (var account in ConsoleAccount.All)
            {
                var added = await VikaUsersCli.AddAsync(_dataDir, account.Name, account.Role, account.Password, TimeSpan.FromSeconds(60));
                if (added.ExitCode != 0)
                {
                    throw new InvalidOperationException($"vika users add {account.Name} failed: {added.Describe()}");
                }
            }

            _server = await ServerProcess.StartAsync(Options with { DataDir = _dataDir });
            _ = _server.AdminUrl;
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true });
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or PlaywrightException)
        {
            // Reported by each test with the cause (xunit truncates a fixture crash's message).
            _startFailure = ex;
        }
    }

    /// <summary>A fresh browser session (own cookies) on the console; dispose it at the end of the test.</summary>
    public async Task<ConsoleSession> NewSessionAsync(string locale = "id-ID")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        return new ConsoleSession(context, await context.NewPageAsync());
    }

    /// <summary>Adds (or updates) an account through `vika users add` on the running server's database.</summary>
    public async Task AddUserAsync(string name, string role, string password)
    {
        var added = await VikaUsersCli.AddAsync(Server.DataDir, name, role, password, TimeSpan.FromSeconds(60));
        Assert.True(added.ExitCode == 0, "vika users add failed: " + added.Describe());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private InvalidOperationException NotStarted() =>
        new("the console fixture did not start: " + _startFailure?.Message + (_server is null ? "" : "\n" + _server.Output), _startFailure);
}
