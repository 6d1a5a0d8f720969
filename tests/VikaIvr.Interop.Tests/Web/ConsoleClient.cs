using System.Net;
using System.Text.RegularExpressions;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// A signed-in console session over HTTP (cookies kept, redirects not followed): the sign-in form
/// posted with its antiforgery token, as a browser does.
/// </summary>
internal sealed partial class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    private ConsoleClient(Uri admin)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = admin };
    }

    public static async Task<ConsoleClient> SignInAsync(Uri admin, string name, string password)
    {
        var client = new ConsoleClient(admin);
        try
        {
            string form = await client.GetAsync("/signin");
            var token = TokenPattern().Match(form);
            if (!token.Success) throw new InvalidOperationException("the sign-in page has no antiforgery token:\n" + form);
            using var post = await client._http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["name"] = name,
                ["password"] = password,
            }));
            if (post.StatusCode != HttpStatusCode.Redirect || post.Headers.Location?.OriginalString.StartsWith("/signin", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"sign-in as {name} failed: {(int)post.StatusCode} {post.Headers.Location}\n{await post.Content.ReadAsStringAsync()}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<string> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Headers.Location}\n{body}");
        return body;
    }

    public async Task<(HttpStatusCode Status, string Location)> GetStatusAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var location = response.Headers.Location;
        return (response.StatusCode, location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
