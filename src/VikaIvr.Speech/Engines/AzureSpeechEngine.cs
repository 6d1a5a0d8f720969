using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Speech.Engines;

/// <summary>
/// Azure Speech through its documented REST API. Asks for raw 8 kHz µ-law so that no
/// resampling is needed: the audio arrives at telephone rate and is only decoded.
/// </summary>
public sealed partial class AzureSpeechEngine : ISpeechEngine
{
    public const string OutputFormat = "raw-8khz-8bit-mono-mulaw";

    private readonly HttpClient _http;
    private readonly AzureSpeechOptions _options;
    private readonly ILogger<AzureSpeechEngine> _logger;

    public AzureSpeechEngine(HttpClient http, AzureSpeechOptions options, ILogger<AzureSpeechEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (!options.IsConfigured)
            throw new SpeechException("Azure Speech needs a subscription key and a region (or an endpoint).");
        _http = http;
        _options = options;
        _logger = logger;
    }

    public string Name => "azure";

    public string Voice => _options.Voice;

    public async Task<short[]> SynthesizeAsync(string normalisedText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);

        using var request = new HttpRequestMessage(HttpMethod.Post, _options.ResolveEndpoint());
        request.Headers.Add("Ocp-Apim-Subscription-Key", _options.SubscriptionKey);
        request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Content = new StringContent(AzureSsml.Build(_options.Voice, normalisedText), Encoding.UTF8);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/ssml+xml");

        byte[] body;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw Failure(response.StatusCode);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechException($"Azure Speech did not answer within {_options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            throw new SpeechException($"Azure Speech could not be reached: {ex.Message}", ex);
        }

        if (body.Length == 0) throw new SpeechException("Azure Speech returned no audio.");
        var decoded = new short[body.Length];
        G711.DecodeMuLaw(body, decoded);
        var samples = TelephonyAudio.Convert(decoded, TelephonyAudio.SampleRate, _options.Loudness);
        LogSynthesized(normalisedText.Length, samples.Length);
        return samples;
    }

    public async Task EnsureAvailableAsync(CancellationToken ct)
    {
        var samples = await SynthesizeAsync("Ya.", ct).ConfigureAwait(false);
        if (samples.Length == 0) throw new SpeechException("Azure Speech returned no audio.");
    }

    private static SpeechException Failure(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            new SpeechException($"Azure Speech refused the subscription key (HTTP {(int)status})."),
        HttpStatusCode.TooManyRequests =>
            new SpeechException("Azure Speech is rate limiting this key (HTTP 429)."),
        HttpStatusCode.BadRequest =>
            new SpeechException("Azure Speech rejected the request (HTTP 400): check the voice name and SSML."),
        _ => new SpeechException($"Azure Speech failed with HTTP {(int)status}."),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azure Speech synthesized {Chars} characters into {Samples} samples")]
    private partial void LogSynthesized(int chars, int samples);
}
