using Microsoft.Extensions.Logging;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Audio;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Prompts;

/// <summary>
/// The operators' prompt operations behind `vika prompts list|import|synth|check` and the
/// phone recording flow. Every new version is written beside the old one and swapped in by
/// rename; the old one moves to prompts/history/&lt;id&gt;/&lt;time it was made&gt;.wav — nothing is overwritten.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string HistoryFolder = "history";

    private readonly string _root;
    private readonly ISpeechEngine? _engine;
    private readonly IndonesianNormalizer _normalizer;
    private readonly TimeProvider _time;
    private readonly ILogger<PromptLibrary> _logger;
    private readonly PromptCheckOptions _check;
    private readonly LoudnessOptions _loudness = new();
    private readonly Lock _storing = new();

    /// <param name="engine">Needed only for <see cref="SynthesizeAsync"/>.</param>
    public PromptLibrary(string promptsRoot, ISpeechEngine? engine, IndonesianNormalizer normalizer, TimeProvider time,
        ILogger<PromptLibrary> logger, PromptCheckOptions? checkOptions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(promptsRoot);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _root = Path.GetFullPath(promptsRoot);
        _engine = engine;
        _normalizer = normalizer;
        _time = time;
        _logger = logger;
        _check = checkOptions ?? new PromptCheckOptions();
        Manifest = PromptManifest.Load(Path.Combine(_root, PromptManifest.FileName));
    }

    public PromptManifest Manifest { get; }

    public string Root => _root;

    public string AudioPath(PromptEntry entry) => Path.Combine(_root, entry.RelativePath);

    public string HistoryDirectory(string id) => Path.Combine(_root, HistoryFolder, id);

    public IReadOnlyList<PromptInfo> List()
    {
        var list = new List<PromptInfo>(Manifest.Prompts.Count);
        foreach (var entry in Manifest.Prompts) list.Add(Describe(entry));
        return list;
    }

    public PromptInfo Describe(string id) => Describe(Entry(id));

    /// <summary>What a new prompt file may be (size, length, not silent).</summary>
    public PromptImportLimits ImportLimits { get; } = new();

    /// <summary>Imports any supported WAV (rate, depth, channels) as the new version of a prompt:
    /// converted to 8 kHz 16-bit mono and loudness-normalised (<see cref="PromptAudioImport"/>).</summary>
    /// <exception cref="PromptAudioRejectedException">Not a WAV, too big, too long or silent; the prompt is left as it was.</exception>
    public PromptInfo Import(string id, string wavPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(wavPath);
        var entry = Entry(id);
        PromptAudioImport.CheckSize(new FileInfo(wavPath).Length, wavPath, ImportLimits);
        var audio = Prepare(File.ReadAllBytes(wavPath), wavPath);
        Store(entry, audio.Samples, new PromptMetadata
        {
            Status = PromptStatus.Recorded,
            Source = "import:" + Path.GetFileName(wavPath),
            UpdatedAt = _time.GetUtcNow(),
        });
        return Describe(entry);
    }

    /// <summary>Converts an operator's file for a prompt by the import rule, without storing it (warns of clipping).</summary>
    /// <exception cref="PromptAudioRejectedException">Not a WAV, too big, too long or silent.</exception>
    public PreparedPromptAudio Prepare(ReadOnlySpan<byte> file, string name)
    {
        var audio = PromptAudioImport.Prepare(file, name, ImportLimits, _loudness);
        if (audio.SourceLevels.ClippedRatio > _check.MaxClippedRatio)
            LogClipped(name, audio.SourceLevels.ClippedRatio);
        return audio;
    }

    /// <summary>Stores 8 kHz mono audio that is already a finished prompt version (prepared here, or
    /// a stored version being applied or restored) as it is; the previous version goes to history.</summary>
    public PromptInfo SaveVersion(string id, ReadOnlySpan<short> samples8k, PromptMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var entry = Entry(id);
        Store(entry, samples8k, metadata);
        return Describe(entry);
    }

    /// <summary>Saves a recording made by phone (8 kHz mono) as the new version of a prompt.</summary>
    public PromptInfo SaveRecording(string id, ReadOnlySpan<short> samples8k, string source = "phone")
    {
        var entry = Entry(id);
        var samples = TelephonyAudio.Convert(samples8k, TelephonyAudio.SampleRate, _loudness);
        Store(entry, samples, new PromptMetadata { Status = PromptStatus.Recorded, Source = source, UpdatedAt = _time.GetUtcNow() });
        return Describe(entry);
    }

    /// <summary>Makes placeholders from the manifest's texts: every prompt that is missing, and
    /// unless <paramref name="missingOnly"/> also every placeholder again. Recordings are never replaced.</summary>
    public async Task<IReadOnlyList<PromptInfo>> SynthesizeAsync(bool missingOnly, CancellationToken ct)
    {
        var made = new List<PromptInfo>();
        foreach (var entry in Manifest.Prompts)
        {
            var status = Describe(entry).Status;
            if (status == PromptStatus.Recorded || (missingOnly && status != PromptStatus.Missing)) continue;

            short[] samples;
            string source;
            if (entry.Kind == PromptKind.Tone)
            {
                samples = ToneGenerator.Beep();
                source = "tone";
            }
            else
            {
                var engine = _engine ?? throw new InvalidOperationException("No speech engine configured for prompt synthesis.");
                samples = await engine.SynthesizeAsync(_normalizer.Normalize(entry.Text), ct).ConfigureAwait(false);
                source = $"{engine.Name}/{engine.Voice}";
            }

            Store(entry, samples, new PromptMetadata
            {
                Status = PromptStatus.Synthesized, Source = source, Text = entry.Text, UpdatedAt = _time.GetUtcNow(),
            });
            LogPlaceholder(entry.Id);
            made.Add(Describe(entry));
        }

        return made;
    }

    /// <summary>Problems with the prompts: every manifest prompt and every id in
    /// <paramref name="requiredIds"/> (the prompts the flow uses). Empty when all is well.</summary>
    public IReadOnlyList<PromptProblem> Check(IEnumerable<string>? requiredIds = null)
    {
        var problems = new List<PromptProblem>(NotInManifest(requiredIds ?? []));

        foreach (var entry in Manifest.Prompts)
        {
            var info = Describe(entry);
            problems.AddRange(PromptChecker.Check(info, _check));
        }

        return problems;
    }

    /// <summary>The ids among <paramref name="requiredIds"/> (the prompts the flow uses) the manifest lacks.</summary>
    public IReadOnlyList<PromptProblem> NotInManifest(IEnumerable<string> requiredIds)
    {
        ArgumentNullException.ThrowIfNull(requiredIds);
        var problems = new List<PromptProblem>();
        foreach (var id in requiredIds)
            if (!Manifest.TryGet(id, out _))
                problems.Add(new PromptProblem(id, PromptProblemKind.NotInManifest, $"used by the flow but not in {PromptManifest.FileName}"));
        return problems;
    }

    /// <summary>What `vika prompts check` finds wrong with one prompt (its audio only).</summary>
    public IReadOnlyList<PromptProblem> Check(PromptInfo info) => [.. PromptChecker.Check(info, _check)];

    private PromptEntry Entry(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Manifest.TryGet(id, out var entry)
            ? entry
            : throw new KeyNotFoundException($"Prompt '{id}' is not in {PromptManifest.FileName}.");
    }

    private PromptInfo Describe(PromptEntry entry)
    {
        var path = AudioPath(entry);
        if (!File.Exists(path)) return new PromptInfo(entry, path, PromptStatus.Missing, null);
        var status = PromptMetadata.TryRead(path)?.Status ?? PromptStatus.Recorded;
        try
        {
            return new PromptInfo(entry, path, status, AudioLevels.Measure(TelephonyAudio.ReadWav(path), TelephonyAudio.SampleRate));
        }
        catch (Exception ex) when (ex is WavFormatException or IOException or UnauthorizedAccessException)
        {
            return new PromptInfo(entry, path, status, null, ex.Message);
        }
    }

    private void Store(PromptEntry entry, ReadOnlySpan<short> samples, PromptMetadata metadata)
    {
        // The console, the phone line and the sync may store the same prompt at once: one at a
        // time, so history moves never interleave.
        lock (_storing) StoreLocked(entry, samples, metadata);
    }

    private void StoreLocked(PromptEntry entry, ReadOnlySpan<short> samples, PromptMetadata metadata)
    {
        var path = AudioPath(entry);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        WavWriter.Write(temp, samples, TelephonyAudio.SampleRate);
        try
        {
            if (File.Exists(path)) MoveToHistory(entry.Id, path);
            File.Move(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        metadata.Write(path);
    }

    private void MoveToHistory(string id, string path)
    {
        var dir = HistoryDirectory(id);
        Directory.CreateDirectory(dir);
        // Named by when that version was made, so operators can tell versions apart by date.
        var madeAt = PromptMetadata.TryRead(path)?.UpdatedAt ?? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        var stamp = madeAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(dir, stamp + ".wav");
        for (var n = 2; File.Exists(target); n++) target = Path.Combine(dir, $"{stamp}-{n}.wav");
        File.Move(path, target);
        var meta = PromptMetadata.PathFor(path);
        if (File.Exists(meta)) File.Move(meta, PromptMetadata.PathFor(target));
        LogPreviousKept(id, target);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported audio {Name} is clipped ({Ratio:P2} of samples at full scale); consider recording again")]
    private partial void LogClipped(string name, double ratio);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synthesized placeholder for prompt {PromptId}")]
    private partial void LogPlaceholder(string promptId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Previous version of prompt {PromptId} kept as {Path}")]
    private partial void LogPreviousKept(string promptId, string path);
}
