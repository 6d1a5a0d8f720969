using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;
using VikaIvr.Speech.Engines;

namespace VikaIvr.Speech.Tests.Engines;

public class AzureSpeechEngineTests
{
    private static AzureSpeechEngine Create(FakeAzureEndpoint endpoint, HttpClient http, TimeSpan? timeout = null) =>
        new(http, new AzureSpeechOptions
        {
            SubscriptionKey = "test-key",
            Region = "southeastasia",
            Endpoint = endpoint.Uri,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }, NullLogger<AzureSpeechEngine>.Instance);

    private static byte[] MuLawTone(int samples)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++) pcm[i] = (short)(6000 * Math.Sin(i * 2 * Math.PI * 500 / 8000));
        var bytes = new byte[samples];
        G711.EncodeMuLaw(pcm, bytes);
        return bytes;
    }

    [Fact]
    public async Task Sends_the_documented_request_and_decodes_mu_law()
    {
        await using var endpoint = new FakeAzureEndpoint { Body = MuLawTone(8000) };
        using var http = new HttpClient();
        var samples = await Create(endpoint, http).SynthesizeAsync("Tagihan <A & B> tujuh ratus ribu rupiah.", CancellationToken.None);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/cognitiveservices/v1", request.Path);
        Assert.Equal("test-key", request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("raw-8khz-8bit-mono-mulaw", request.Headers["X-Microsoft-OutputFormat"]);
        Assert.StartsWith("application/ssml+xml", request.Headers["Content-Type"]);
        Assert.Equal("VikaIvr", request.Headers["User-Agent"]);
        var ssml = System.Xml.Linq.XDocument.Parse(request.Body).Root!;
        Assert.Equal("speak", ssml.Name.LocalName);
        Assert.Equal("id-ID", ssml.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!.Value);
        var voice = Assert.Single(ssml.Elements());
        Assert.Equal("id-ID-GadisNeural", voice.Attribute("name")!.Value);
        Assert.Equal("Tagihan <A & B> tujuh ratus ribu rupiah.", voice.Value);

        Assert.Equal(8000, samples.Length); // one byte per 8 kHz sample: no resampling
        Assert.InRange(AudioLevels.Measure(samples, 8000).ActiveLevelDbfs, -22, -18); // loudness normalised
    }

    [Theory]
    [InlineData(401, "key")]
    [InlineData(429, "429")]
    [InlineData(500, "500")]
    [InlineData(503, "503")]
    public async Task Http_errors_become_speech_exceptions(int status, string mention)
    {
        await using var endpoint = new FakeAzureEndpoint { Status = status };
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<SpeechException>(() => Create(endpoint, http).SynthesizeAsync("halo", CancellationToken.None));
        Assert.Contains(mention, ex.Message);
        Assert.DoesNotContain("test-key", ex.Message);
    }

    [Fact]
    public async Task Timeout_becomes_a_speech_exception()
    {
        await using var endpoint = new FakeAzureEndpoint { Body = MuLawTone(800), Delay = TimeSpan.FromSeconds(5) };
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<SpeechException>(
            () => Create(endpoint, http, TimeSpan.FromMilliseconds(200)).SynthesizeAsync("halo", CancellationToken.None));
        Assert.Contains("within", ex.Message);
    }

    [Fact]
    public async Task Unreachable_endpoint_becomes_a_speech_exception()
    {
        FakeAzureEndpoint endpoint = new();
        await endpoint.DisposeAsync(); // port now closed
        using var http = new HttpClient();
        await Assert.ThrowsAsync<SpeechException>(() => Create(endpoint, http).SynthesizeAsync("halo", CancellationToken.None));
    }

    [Fact]
    public void Requires_key_and_region()
    {
        using var http = new HttpClient();
        Assert.Throws<SpeechException>(() => new AzureSpeechEngine(http, new AzureSpeechOptions { Region = "x" }, NullLogger<AzureSpeechEngine>.Instance));
        Assert.Equal(new Uri("https://southeastasia.tts.speech.microsoft.com/cognitiveservices/v1"),
            new AzureSpeechOptions { SubscriptionKey = "k", Region = "southeastasia" }.ResolveEndpoint());
    }
}
