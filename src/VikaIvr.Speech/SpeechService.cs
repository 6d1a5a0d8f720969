using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Speech.Caching;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech;

/// <summary>
/// The flow's speech port: normalises the text, then answers from the memory cache, the disk
/// cache or the engine, in that order. Identical requests in flight share one synthesis.
/// </summary>
public sealed partial class SpeechService : ISpeech
{
    private readonly ISpeechEngine _engine;
    private readonly IndonesianNormalizer _normalizer;
    private readonly MemorySpeechCache _memory;
    private readonly DiskSpeechCache? _disk;
    private readonly ILogger<SpeechService> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<AudioClip>>> _inFlight = new(StringComparer.Ordinal);
    private long _engineCalls;
    private long _memoryHits;
    private long _diskHits;

    public SpeechService(ISpeechEngine engine, IndonesianNormalizer normalizer, SpeechServiceOptions options,
        ILogger<SpeechService> logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _engine = engine;
        _normalizer = normalizer;
        _logger = logger;
        _memory = new MemorySpeechCache(Math.Max(1, (long)options.MemoryCacheSeconds * TelephoneRate));
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory)) _disk = new DiskSpeechCache(options.CacheDirectory, logger);
    }

    private const int TelephoneRate = AudioClip.SampleRate;

    public ISpeechEngine Engine => _engine;

    /// <summary>Times the engine was asked to synthesize.</summary>
    public long EngineCalls => Interlocked.Read(ref _engineCalls);

    public long MemoryHits => Interlocked.Read(ref _memoryHits);

    public long DiskHits => Interlocked.Read(ref _diskHits);

    public async Task<AudioClip> SayAsync(string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = _normalizer.Normalize(text);
        var key = SpeechCacheKey.For(_engine.Name, _engine.Voice, words);
        var parts = SplitSentences(words);
        if (parts.Count <= 1)
        {
            return await GetClipAsync(key, words, ct).ConfigureAwait(false);
        }

        // The whole answer is kept too: a caller who hears the same answer again (or another call
        // with the same answer) gets the same clip, which the media layer has already encoded.
        if (_memory.TryGet(key, out var answer))
        {
            Interlocked.Increment(ref _memoryHits);
            return answer;
        }

        // Each sentence is cached on its own, so the fixed sentences of an answer ("Silakan
        // lakukan registrasi ulang.") are synthesized once and shared by every answer using them.
        var pieces = new AudioClip[parts.Count];
        int total = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            pieces[i] = await GetClipAsync(SpeechCacheKey.For(_engine.Name, _engine.Voice, parts[i]), parts[i], ct).ConfigureAwait(false);
            total += pieces[i].Samples.Length;
        }

        var samples = new short[total];
        int at = 0;
        foreach (var piece in pieces)
        {
            piece.Samples.Span.CopyTo(samples.AsSpan(at));
            at += piece.Samples.Length;
        }

        answer = Clip(key, samples, words);
        _memory.Set(key, answer);
        return answer;
    }

    private static AudioClip Clip(string key, short[] samples, string words) =>
        new("speech-" + key[..16], AudioClipKind.Speech, samples, words);

    /// <summary>Splits normalised words into sentences at '.', '?' or '!' followed by a space.</summary>
    public static IReadOnlyList<string> SplitSentences(string words)
    {
        var parts = new List<string>(2);
        int start = 0;
        for (int i = 0; i < words.Length - 1; i++)
        {
            if (words[i] is '.' or '?' or '!' && words[i + 1] == ' ')
            {
                var part = words[start..(i + 1)].Trim();
                if (part.Length > 0) parts.Add(part);
                start = i + 2;
            }
        }
        var last = words[start..].Trim();
        if (last.Length > 0) parts.Add(last);
        return parts;
    }

    /// <summary>Synthesizes fixed sentence parts ahead of the first call; a failure here is a
    /// start-up error (<see cref="SpeechException"/>). Returns how many texts were prepared.</summary>
    public async Task<int> PreSynthesizeAsync(IEnumerable<string> texts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var count = 0;
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            await SayAsync(text, ct).ConfigureAwait(false);
            count++;
        }

        LogPreSynthesized(count, _engine.Name, _engine.Voice);
        return count;
    }

    private async Task<AudioClip> GetClipAsync(string key, string words, CancellationToken ct)
    {
        if (words.Length == 0) return Clip(key, [], words);
        if (_memory.TryGet(key, out var cached))
        {
            Interlocked.Increment(ref _memoryHits);
            return cached;
        }

        var lazy = _inFlight.GetOrAdd(key, k => new Lazy<Task<AudioClip>>(() => LoadAsync(k, words)));
        // The shared synthesis is not tied to one caller's hang-up; the engine's own timeout bounds it.
        return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
    }

    private async Task<AudioClip> LoadAsync(string key, string words)
    {
        try
        {
            var clip = Clip(key, await LoadUncachedAsync(key, words).ConfigureAwait(false), words);
            _memory.Set(key, clip);
            return clip;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<short[]> LoadUncachedAsync(string key, string words)
    {
        if (_disk is not null && _disk.TryGet(key, out var fromDisk))
        {
            Interlocked.Increment(ref _diskHits);
            return fromDisk;
        }

        Interlocked.Increment(ref _engineCalls);
        short[] samples;
        try
        {
            samples = await _engine.SynthesizeAsync(words, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SpeechException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new SpeechException($"The speech engine {_engine.Name} failed: {ex.Message}", ex);
        }

        _disk?.Set(key, samples);
        return samples;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pre-synthesized {Count} sentence parts with {Engine} ({Voice})")]
    private partial void LogPreSynthesized(int count, string engine, string voice);
}
