using System.Net;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.Prompts;
using Caller = VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// Issue 12, must-show 1 (prompts): an operator uploads a prompt in the console and the next real call
/// (the test caller over SIP/RTP) hears it; restoring the previous version brings the old audio back on
/// the next call. A 440 Hz tone stands for the operator's recording. Driven over HTTP as a browser
/// without script drives it (signed-in cookie, antiforgery token from each page): the Playwright harness
/// was not on main when these were written.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed partial class PromptsPagesTests(PromptsServerFixture fixture) : IClassFixture<PromptsServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_uploaded_prompt_is_heard_by_the_next_call_and_a_restore_brings_the_old_one_back()
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        using var web = await SignedInClient.SignInAsync(server.AdminUrl, PromptsServerFixture.Operator, PromptsServerFixture.Password);

        var list = await web.GetPageAsync("/prompts");
        Assert.Equal("placeholder", Attribute(Row(list, "welcome"), "data-status"));
        double before = await WelcomeToneShareAsync(server, ct);
        Assert.True(before < 0.3, $"the shipped welcome already sounds like the tone (share {before:0.00})");

        // A 16 kHz stereo studio file: the console converts it as `vika prompts import` does.
        var tone = TestWav.Tone(16000, 3.0, 9000, ToneShare.Hz);
        byte[] upload = Wav(tone, 16000);
        var page = await web.GetPageAsync("/prompts/welcome");
        using (var answer = await web.PostFileAsync("/prompts/welcome?handler=Upload", page, "file", "welcome-tone.wav", upload))
        {
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"upload: {(int)answer.StatusCode}\n{await answer.Content.ReadAsStringAsync(ct)}\n{server.Output}");
            Assert.EndsWith("?uploaded=2", answer.Headers.Location!.OriginalString, StringComparison.Ordinal); // version 1 keeps the placeholder
            Assert.Contains("data-test=\"prompt-message\"", await web.GetPageAsync(answer.Headers.Location.OriginalString), StringComparison.Ordinal);
        }

        var detail = await WaitForCurrentVersionAsync(web, 2);
        Assert.Equal(["2", "1"], HistoryVersions(detail));
        var current = await web.GetBytesAsync("/prompts/welcome/audio");
        Assert.Equal((HttpStatusCode.OK, "audio/wav"), (current.Status, current.ContentType));
        Assert.Equal(current.Body, (await web.GetBytesAsync("/prompts/welcome/versions/2/audio")).Body);
        Assert.True(ToneShare.Of(VikaIvr.Media.Audio.WavReader.Read(current.Body, "welcome").ToPcm16()) > 0.9, "the stored version is not the uploaded tone");

        double afterUpload = await WelcomeToneShareAsync(server, ct);
        Assert.True(afterUpload > 0.6, $"the next caller did not hear the uploaded welcome (440 Hz share {afterUpload:0.00})\n{server.Output}");

        list = await web.GetPageAsync("/prompts");
        Assert.Equal("recorded", Attribute(Row(list, "welcome"), "data-status"));
        await PromptsScreenshot.SaveAsync(list, server.AdminUrl, Path.Combine(RepoPaths.Root, "docs", "screenshots", "prompts.png"), ct);

        // Restore version 1 (the placeholder): a new version 3 copying it.
        detail = await web.GetPageAsync("/prompts/welcome");
        using (var answer = await web.PostAsync("/prompts/welcome?handler=Restore", detail, new() { ["version"] = "1" }))
        {
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"restore: {(int)answer.StatusCode}\n{server.Output}");
        }

        detail = await WaitForCurrentVersionAsync(web, 3);
        Assert.Equal(["3", "2", "1"], HistoryVersions(detail));
        Assert.Equal("placeholder", Attribute(Tag(detail, "data-test=\"prompt-status\""), "data-status"));
        Assert.Equal((await web.GetBytesAsync("/prompts/welcome/versions/1/audio")).Body, (await web.GetBytesAsync("/prompts/welcome/audio")).Body);

        double afterRestore = await WelcomeToneShareAsync(server, ct);
        Assert.True(afterRestore < 0.3, $"the next caller still heard the tone after the restore (share {afterRestore:0.00})\n{server.Output}");

        PrivacyCheck.AssertClean(web.Visited);
    }

    [Fact]
    public async Task A_silent_file_is_refused_with_its_reason_a_supervisor_may_listen_but_not_change_and_a_form_without_token_is_refused()
    {
        var server = fixture.Server;
        using var web = await SignedInClient.SignInAsync(server.AdminUrl, PromptsServerFixture.Operator, PromptsServerFixture.Password);
        var page = await web.GetPageAsync("/prompts/goodbye");
        string version = CurrentVersion(page);
        var history = HistoryVersions(page);

        using (var answer = await web.PostFileAsync("/prompts/goodbye?handler=Upload", page, "file", "quiet.wav", Wav(new short[16000], 8000)))
        {
            string body = await answer.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            Assert.Matches("data-test=\"prompt-error\">[^<]*quiet.wav: silent", body);
        }

        using (var answer = await web.PostFileAsync("/prompts/goodbye?handler=Upload", page, "file", "song.wav", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[400]]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            Assert.Contains("song.wav: not a RIFF/WAVE file", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var answer = await web.PostFileAsync("/prompts/goodbye?handler=Upload", page: null, "file", "tone.wav", Wav(TestWav.Tone(8000, 1, 9000, 440), 8000)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        using var supervisor = await SignedInClient.SignInAsync(server.AdminUrl, PromptsServerFixture.Supervisor, PromptsServerFixture.Password);
        var seen = await supervisor.GetPageAsync("/prompts/goodbye");
        Assert.DoesNotContain("data-test=\"upload-form\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"restore-form\"", seen, StringComparison.Ordinal);
        Assert.Contains("data-test=\"prompt-read-only\"", seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetBytesAsync("/prompts/goodbye/audio")).Status);
        using (var answer = await supervisor.PostFileAsync("/prompts/goodbye?handler=Upload", seen, "file", "tone.wav", Wav(TestWav.Tone(8000, 1, 9000, 440), 8000)))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/denied", answer.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        page = await web.GetPageAsync("/prompts/goodbye");
        Assert.Equal(version, CurrentVersion(page));
        Assert.Equal(history, HistoryVersions(page));
        Assert.Contains("16599", page, StringComparison.Ordinal); // the number to dial, Operator:Number's default
        Assert.Contains("data-test=\"pin-note\"", page, StringComparison.Ordinal);
        Assert.Contains("Unggah versi baru", page, StringComparison.Ordinal); // Indonesian by default
        Assert.Contains("Upload a new version", await web.GetPageAsync("/prompts/goodbye?culture=en"), StringComparison.Ordinal);
        PrivacyCheck.AssertClean([.. web.Visited, .. supervisor.Visited]);
    }

    /// <summary>Polls the prompt's page until it says it plays <paramref name="version"/>.</summary>
    private static async Task<string> WaitForCurrentVersionAsync(SignedInClient web, int version)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var page = await web.GetPageAsync("/prompts/welcome");
            if (CurrentVersion(page) == version.ToString(System.Globalization.CultureInfo.InvariantCulture)) return page;
            Assert.True(DateTime.UtcNow < until, $"welcome did not become version {version} within {Deadline.TotalSeconds} s (plays '{CurrentVersion(page)}')");
            await Task.Delay(100);
        }
    }

    /// <summary>Calls 165 and measures how much of the first seconds (the welcome prompt) is the 440 Hz tone.</summary>
    private static async Task<double> WelcomeToneShareAsync(ServerProcess server, CancellationToken ct)
    {
        await using var call = await Caller.TestCaller.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", new Caller.TestCallerOptions(), ct: ct);
        Assert.True(call.IsEstablished, server.Output);
        var until = DateTime.UtcNow + Deadline;
        while (call.Received.SampleCount < 8000 * 2.8)
        {
            Assert.True(DateTime.UtcNow < until, $"the call heard only {call.Received.Duration.TotalSeconds:0.0} s\n{server.Output}");
            await Task.Delay(50, ct);
        }

        var heard = call.Received.Snapshot();
        await call.HangupAsync(ct);
        return ToneShare.Of(heard.AsSpan(800, Math.Min(heard.Length - 800, 20000)));
    }

    private static byte[] Wav(short[] mono, int rate)
    {
        // Stereo, both channels the same: what a studio exports.
        var stereo = new short[mono.Length * 2];
        for (int i = 0; i < mono.Length; i++) stereo[2 * i] = stereo[(2 * i) + 1] = mono[i];
        string path = Path.Combine(Path.GetTempPath(), "vika-prompt-upload-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            TestWav.Write(path, stereo, channels: 2, sampleRate: rate);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string CurrentVersion(string page) =>
        CurrentVersionPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no current-version on the page");

    private static List<string> HistoryVersions(string page) =>
        [.. HistoryRowPattern().Matches(page).Select(m => m.Groups[1].Value)];

    private static string Row(string page, string promptId) => Tag(page, $"data-prompt-id=\"{promptId}\"");

    /// <summary>The opening tag that carries <paramref name="marker"/>.</summary>
    private static string Tag(string page, string marker)
    {
        int at = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {marker} on the page");
        int start = page.LastIndexOf('<', at);
        return page[start..(page.IndexOf('>', at) + 1)];
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, name + "=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no {name} in {tag}");

    [GeneratedRegex("data-test=\"current-version\">([0-9]*)<")]
    private static partial Regex CurrentVersionPattern();

    [GeneratedRegex("data-test=\"history-row\" data-version=\"([0-9]+)\"")]
    private static partial Regex HistoryRowPattern();
}
