using System.Net;
using System.Text.RegularExpressions;

namespace VikaIvr.Interop.Tests.Web.Prompts;

/// <summary>
/// The console as a browser without script sees it: cookies kept, redirects not followed (the tests
/// look at them), every form posted with the antiforgery token of the page it came from.
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClient _http;

    private SignedInClient(Uri admin)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = admin,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Every page and answer this client read, for the privacy check.</summary>
    public List<(string Path, string Body)> Visited { get; } = [];

    public static async Task<SignedInClient> SignInAsync(Uri admin, string name, string password)
    {
        var client = new SignedInClient(admin);
        var form = await client.GetPageAsync("/signin");
        using var answer = await client.PostAsync("/signin", form, new() { ["name"] = name, ["password"] = password });
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString.Contains("signin", StringComparison.OrdinalIgnoreCase) == true)
            throw new InvalidOperationException($"sign-in of {name} failed: {(int)answer.StatusCode} {answer.Headers.Location}");
        return client;
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        string body = await answer.Content.ReadAsStringAsync();
        Visited.Add((path, body));
        if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)answer.StatusCode}\n{body}");
        return body;
    }

    public async Task<(HttpStatusCode Status, byte[] Body, string? ContentType)> GetBytesAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        var body = await answer.Content.ReadAsByteArrayAsync();
        return (answer.StatusCode, body, answer.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Posts a form with the first antiforgery token of <paramref name="page"/> (null: without one).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string? page, Dictionary<string, string> fields)
    {
        if (page is not null) fields["__RequestVerificationToken"] = Token(page);
        using var content = new FormUrlEncodedContent(fields);
        var answer = await _http.PostAsync(path, content);
        Visited.Add((path, await answer.Content.ReadAsStringAsync()));
        return answer;
    }

    /// <summary>Posts a multipart form with one file, with the token of <paramref name="page"/> (null: without one).</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string? page, string field, string fileName, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        if (page is not null) content.Add(new StringContent(Token(page)), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
        content.Add(part, field, fileName);
        var answer = await _http.PostAsync(path, content);
        Visited.Add((path, await answer.Content.ReadAsStringAsync()));
        return answer;
    }

    public void Dispose() => _http.Dispose();

    private static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
