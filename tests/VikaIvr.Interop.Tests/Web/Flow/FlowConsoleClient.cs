using System.Net;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Web.Flow;

/// <summary>
/// The console as a signed-in browser would use it, over HTTP: the cookie jar, each form's
/// antiforgery token taken from the page it is on, redirects seen rather than followed.
/// (Stands in for the Playwright harness until that one is on main.)
/// </summary>
internal sealed partial class FlowConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    private FlowConsoleClient(Uri admin)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = admin,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Every page this client read, to check none shows personal data.</summary>
    public List<(string Path, string Html)> Visited { get; } = [];

    /// <summary>Adds the account with `vika users add` (password on standard input).</summary>
    public static async Task AddUserAsync(ServerProcess server, string name, string role, string password)
    {
        var result = await ProcessRunner.RunAsync("bash",
            ["-c", "printf '%s\\n' \"$1\" | dotnet \"$2\" users add \"$3\" --role \"$4\" --data \"$5\"", "add", password, RepoPaths.VikaDll, name, role, server.DataDir],
            TimeSpan.FromSeconds(60), RepoPaths.Root, new Dictionary<string, string> { ["VIKA_HOME"] = RepoPaths.Root });
        Assert.True(result.ExitCode == 0, result.Describe());
    }

    public static async Task<FlowConsoleClient> SignInAsync(ServerProcess server, string name, string password)
    {
        var client = new FlowConsoleClient(server.AdminUrl);
        var (status, html) = await client.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, status);
        using var response = await client._http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Token(html),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {name}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        string html = await response.Content.ReadAsStringAsync();
        Visited.Add((path, html));
        return (response.StatusCode, html);
    }

    /// <summary>Posts a form (its antiforgery token in it, or not).</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> PostAsync(string action, HttpContent form)
    {
        using var response = await _http.PostAsync(action, form);
        string html = await response.Content.ReadAsStringAsync();
        Visited.Add((action, html));
        return (response.StatusCode, html, response.Headers.Location);
    }

    public async Task<string> TokenOfAsync(string path)
    {
        var (status, html) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status}");
        return Token(html);
    }

    /// <summary>No page shows a NIK (16 digits), a card number (13) or anything as long.</summary>
    public void AssertNoPersonalData()
    {
        foreach (var (path, html) in Visited)
        {
            var match = LongNumber().Match(html);
            Assert.False(match.Success, $"{path} shows a number as long as a NIK or card number: {match.Value}");
        }
    }

    public void Dispose() => _http.Dispose();

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token:\n" + html[..Math.Min(html.Length, 2000)]);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex(@"(?<!\d)\d{13,}(?!\d)")]
    private static partial Regex LongNumber();
}
