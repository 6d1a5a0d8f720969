using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Server.Cli;

namespace VikaIvr.Interop.Tests.TestCaller;

/// <summary>`vika call` against a running server: it hears and records the welcome prompt.</summary>
[Collection(InteropCollection.Name)]
public sealed class CallCommandTests(TestCallerServerFixture fixture) : IClassFixture<TestCallerServerFixture>
{
    [Theory]
    [InlineData("pcmu", "")]
    [InlineData("pcma", ";transport=tcp")]
    public async Task Call_records_the_welcome_prompt(string codec, string transport)
    {
        var server = fixture.Server;
        var wav = Path.Combine(Path.GetTempPath(), $"vika-call-{Guid.NewGuid():N}.wav");
        var output = new StringWriter();
        var error = new StringWriter();
        string[] words = ["call", $"sip:165@127.0.0.1:{server.SipPort}{transport}", "--codec", codec, "--record", wav, "--duration", "4"];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var status = await VikaCommandLine.InvokeAsync(words, output, error, timeout.Token);
            var log = output + "\n" + error + "\n" + server.Output;
            Assert.True(status == 0, log);
            Assert.Contains("200 OK", output.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(wav), log);
            var (samples, rate) = WavFile.Read(wav);
            Assert.Equal(8000, rate);
            // About four seconds of audio (the server sends from the answer on), and not silence:
            // the start of the welcome prompt.
            Assert.InRange(samples.Length / 8000.0, 3.0, 5.0);
            Assert.True(Rms(samples) > 200, $"the recording is silent (rms {Rms(samples):0})\n{log}");
        }
        finally
        {
            File.Delete(wav);
        }
    }

    private static double Rms(IReadOnlyList<short> samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / Math.Max(1, samples.Count));
    }
}
