using System.Net;
using Microsoft.Playwright;
using VikaIvr.Data.Users;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;
using VikaIvr.Interop.Tests.Web.Prompts;
using static Microsoft.Playwright.Assertions;
using Caller = VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// Issue 12, must-show 1 (prompts), in a real browser (Debian's chromium through Playwright): an operator
/// uploads a prompt and the next real call (the test caller over SIP/RTP) hears it; restoring the previous
/// version brings the old audio back on the next call. A 440 Hz tone stands for the operator's recording.
/// Every page the browser receives is checked for personal data.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class PromptsPagesTests(PromptsConsoleFixture fixture) : IClassFixture<PromptsConsoleFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_uploaded_prompt_is_heard_by_the_next_call_and_a_restore_brings_the_old_one_back()
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Operator);
        var page = session.Page;

        await session.GotoAndCheckAsync("/prompts");
        await Expect(page.Locator("[data-test=prompt-row][data-prompt-id=welcome]")).ToHaveAttributeAsync("data-status", "placeholder");
        double before = await WelcomeToneShareAsync(server, ct);
        Assert.True(before < 0.3, $"the shipped welcome already sounds like the tone (share {before:0.00})");

        // A 16 kHz stereo studio file: the console converts it as `vika prompts import` does.
        await page.Locator("[data-test=prompt-row][data-prompt-id=welcome] [data-test=prompt-link]").ClickAsync();
        await Expect(page.Locator("[data-test=prompt-title]")).ToHaveTextAsync("welcome");
        await page.Locator("[data-test=upload-file]").SetInputFilesAsync(
            new FilePayload { Name = "welcome-tone.wav", MimeType = "audio/wav", Buffer = Wav(TestWav.Tone(16000, 3.0, 9000, ToneShare.Hz), 16000) });
        await page.Locator("[data-test=upload-submit]").ClickAsync();

        // Version 1 keeps the placeholder that was in place; the upload is version 2.
        await Expect(page.Locator("[data-test=current-version]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-test=prompt-message]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=history-row]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-test=history-row][data-version='2']")).ToHaveAttributeAsync("data-current", "true");
        await session.CheckPageAsync();
        var current = await session.Context.APIRequest.GetAsync("/prompts/welcome/audio");
        Assert.Equal("audio/wav", current.Headers["content-type"]);
        var currentWav = await current.BodyAsync();
        Assert.Equal(currentWav, await (await session.Context.APIRequest.GetAsync("/prompts/welcome/versions/2/audio")).BodyAsync());
        Assert.True(ToneShare.Of(VikaIvr.Media.Audio.WavReader.Read(currentWav, "welcome").ToPcm16()) > 0.9, "the stored version is not the uploaded tone");

        double afterUpload = await WelcomeToneShareAsync(server, ct);
        Assert.True(afterUpload > 0.6, $"the next caller did not hear the uploaded welcome (440 Hz share {afterUpload:0.00})\n{server.Output}");

        await session.GotoAndCheckAsync("/prompts");
        await Expect(page.Locator("[data-test=prompt-row][data-prompt-id=welcome]")).ToHaveAttributeAsync("data-status", "recorded");
        await session.ScreenshotAsync("prompts");

        // Restore version 1 (the placeholder): a new version 3 copying it.
        await session.GotoAndCheckAsync("/prompts/welcome");
        await page.Locator("[data-test=history-row][data-version='1'] [data-test=restore-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=current-version]")).ToHaveTextAsync("3");
        await Expect(page.Locator("[data-test=history-row]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-test=prompt-current] [data-test=prompt-status]")).ToHaveAttributeAsync("data-status", "placeholder");
        await session.CheckPageAsync();
        Assert.Equal(
            await (await session.Context.APIRequest.GetAsync("/prompts/welcome/versions/1/audio")).BodyAsync(),
            await (await session.Context.APIRequest.GetAsync("/prompts/welcome/audio")).BodyAsync());

        double afterRestore = await WelcomeToneShareAsync(server, ct);
        Assert.True(afterRestore < 0.3, $"the next caller still heard the tone after the restore (share {afterRestore:0.00})\n{server.Output}");
        await session.VerifyAsync();
    }

    [Fact]
    public async Task A_refused_file_says_why_a_supervisor_may_listen_but_not_change_and_a_form_without_token_is_refused()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync(ConsoleRoles.Operator);
        var page = session.Page;
        await session.GotoAndCheckAsync("/prompts/goodbye");
        string version = await page.Locator("[data-test=current-version]").InnerTextAsync();
        int history = await page.Locator("[data-test=history-row]").CountAsync();
        await Expect(page.Locator("[data-test=operator-number]")).ToHaveTextAsync("16599"); // Operator:Number's default
        await Expect(page.Locator("[data-test=pin-note]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=upload-submit]")).ToHaveTextAsync("Unggah"); // Indonesian by default

        await page.Locator("[data-test=upload-file]").SetInputFilesAsync(
            new FilePayload { Name = "quiet.wav", MimeType = "audio/wav", Buffer = Wav(new short[16000], 8000) });
        await page.Locator("[data-test=upload-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=prompt-error]")).ToContainTextAsync("quiet.wav: silent");
        await page.Locator("[data-test=upload-file]").SetInputFilesAsync(
            new FilePayload { Name = "song.wav", MimeType = "audio/wav", Buffer = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[400]] });
        await page.Locator("[data-test=upload-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=prompt-error]")).ToContainTextAsync("song.wav: not a RIFF/WAVE file");
        await session.CheckPageAsync();

        using (var http = new ConsoleHttp(fixture.BaseUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await http.SignInAsync(ConsoleAccount.Operator)).StatusCode);
            var (noToken, _) = await http.PostFormAsync("/prompts/goodbye?handler=Restore", [new("version", "1")], token: null);
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        await using var supervisor = await fixture.NewSessionAsync("en-US");
        await supervisor.SignInAsync(ConsoleRoles.Supervisor);
        await supervisor.GotoAndCheckAsync("/prompts/goodbye?culture=en");
        await Expect(supervisor.Page.Locator("[data-test=prompt-read-only]")).ToBeVisibleAsync();
        await Expect(supervisor.Page.Locator("[data-test=upload-form]")).ToHaveCountAsync(0);
        await Expect(supervisor.Page.Locator("[data-test=restore-form]")).ToHaveCountAsync(0);
        await Expect(supervisor.Page.Locator("[data-test=prompt-upload] h2")).ToHaveTextAsync("Upload a new version");
        Assert.True((await supervisor.Context.APIRequest.GetAsync("/prompts/goodbye/audio")).Ok, "a supervisor cannot listen");
        using (var http = new ConsoleHttp(fixture.BaseUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await http.SignInAsync(ConsoleAccount.Supervisor)).StatusCode);
            string token = await http.GetTokenAsync("/prompts/goodbye");
            var (refused, _) = await http.PostFormAsync("/prompts/goodbye?handler=Restore", [new("version", "1")], token);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/denied", new Uri(fixture.BaseUrl, refused.Headers.Location!).AbsolutePath);
        }

        await session.GotoAndCheckAsync("/prompts/goodbye");
        await Expect(page.Locator("[data-test=current-version]")).ToHaveTextAsync(version);
        await Expect(page.Locator("[data-test=history-row]")).ToHaveCountAsync(history);
        await session.VerifyAsync();
        await supervisor.VerifyAsync();
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

    /// <summary>A 16-bit stereo WAV file (both channels the same: what a studio exports).</summary>
    private static byte[] Wav(short[] mono, int rate)
    {
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
}
