using System.Net;
using System.Text.RegularExpressions;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>
/// The console without a browser: an HttpClient with its own cookies, for the status codes a
/// browser hides (antiforgery refusals, 429, 403). Every answer read through it is checked for
/// personal data.
/// </summary>
public sealed partial class ConsoleHttp : IDisposable
{
    private readonly HttpClient _client;

    public ConsoleHttp(Uri baseUrl)
        : this(baseUrl, new CookieContainer())
    {
    }

    /// <summary>With the cookies of another client (e.g. the same browser after a server restart).</summary>
    public ConsoleHttp(Uri baseUrl, CookieContainer cookies)
    {
        Cookies = cookies;
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>GET a path; the answer and its body (checked for personal data).</summary>
    public async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        PersonalDataCheck.AssertNoPersonalData(body, "GET " + path);
        return (response, body);
    }

    /// <summary>The first antiforgery token of a page (the layout's language form has one too).</summary>
    public async Task<string> GetTokenAsync(string path)
    {
        var (response, body) = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        var match = TokenInput().Match(body);
        Assert.True(match.Success, $"no __RequestVerificationToken on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>POST a form; with <paramref name="token"/> null, without the antiforgery token.</summary>
    public async Task<(HttpResponseMessage Response, string Body)> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = new List<KeyValuePair<string, string>>(fields);
        if (token is not null) all.Add(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(all);
        var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();
        PersonalDataCheck.AssertNoPersonalData(body, "POST " + path);
        return (response, body);
    }

    /// <summary>Signs in through the form (with its token); the answer (302 to the dashboard on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password)
    {
        string token = await GetTokenAsync("/signin");
        var (response, _) = await PostFormAsync("/signin", [new("name", name), new("password", password)], token);
        return response;
    }

    public Task<HttpResponseMessage> SignInAsync(ConsoleAccount account) => SignInAsync(account.Name, account.Password);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
