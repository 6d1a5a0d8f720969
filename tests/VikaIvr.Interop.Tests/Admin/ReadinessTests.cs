using System.Net;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Admin;

/// <summary>
/// /readyz follows the database: the SQLite file moved away (root reads a chmod 000 file all the
/// same, so the file is taken away instead) makes it 503 naming the database, and OPTIONS on the
/// SIP port answers 503 with it; the file put back makes both 200 again.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ReadinessTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Readyz_and_options_turn_503_when_the_database_file_is_gone_and_200_when_it_is_back()
    {
        await using var server = await ServerProcess.StartAsync(new ServerOptions());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var readyz = new Uri(server.AdminUrl, "/readyz");
        var (status, body) = await WaitForReadyzAsync(http, readyz, HttpStatusCode.OK);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{server.Output}");
        Assert.Equal("ready", body.Trim());

        var database = Path.Combine(server.DataDir, "vika.db");
        var aside = database + ".away";
        File.Move(database, aside);
        (status, body) = await WaitForReadyzAsync(http, readyz, HttpStatusCode.ServiceUnavailable);
        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status} {body}\n{server.Output}");
        Assert.StartsWith("not ready: database: ", body, StringComparison.Ordinal);
        Assert.True(await OptionsAnswersAsync(server, 503), "OPTIONS did not turn 503 with /readyz\n" + server.Output);

        File.Move(aside, database);
        (status, body) = await WaitForReadyzAsync(http, readyz, HttpStatusCode.OK);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{server.Output}");
        Assert.True(await OptionsAnswersAsync(server, 200), "OPTIONS did not turn 200 again\n" + server.Output);
    }

    /// <summary>Polls /readyz until it answers <paramref name="wanted"/> (bounded); the last answer.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> WaitForReadyzAsync(HttpClient http, Uri readyz, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            using var response = await http.GetAsync(readyz);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == wanted || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(200);
        }
    }

    private static async Task<bool> OptionsAnswersAsync(ServerProcess server, int wanted)
    {
        var deadline = DateTime.UtcNow + Within;
        while (DateTime.UtcNow < deadline)
        {
            if (await SipOptionsProbe.ProbeAsync(server.SipEndPoint, TimeSpan.FromMilliseconds(500)) == wanted)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
