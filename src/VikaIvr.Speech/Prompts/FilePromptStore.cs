using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Prompts;

/// <summary>
/// Prompts from prompts/&lt;language&gt;/&lt;file&gt;, converted to 8 kHz once and shared. A new
/// version (an import or a phone recording) is picked up without a restart: a cheap stat of the
/// file, at most once per <see cref="CheckInterval"/> per prompt, notices a changed file.
/// </summary>
public sealed partial class FilePromptStore : IPromptStore
{
    private readonly PromptManifest _manifest;
    private readonly string _root;
    private readonly TimeProvider _time;
    private readonly ILogger<FilePromptStore> _logger;
    private readonly ConcurrentDictionary<string, Loaded> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lock> _loading = new(StringComparer.Ordinal);

    public FilePromptStore(PromptManifest manifest, string promptsRoot, TimeProvider time, ILogger<FilePromptStore> logger,
        TimeSpan? checkInterval = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(promptsRoot);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _manifest = manifest;
        _root = Path.GetFullPath(promptsRoot);
        _time = time;
        _logger = logger;
        CheckInterval = checkInterval ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Opens the store of a prompts folder holding prompts.yaml.</summary>
    public static FilePromptStore Open(string promptsRoot, TimeProvider time, ILogger<FilePromptStore> logger, TimeSpan? checkInterval = null)
        => new(PromptManifest.Load(Path.Combine(promptsRoot, PromptManifest.FileName)), promptsRoot, time, logger, checkInterval);

    /// <summary>How often, at most, a prompt's file is looked at again for a new version.</summary>
    public TimeSpan CheckInterval { get; }

    public PromptManifest Manifest => _manifest;

    public string Root => _root;

    /// <summary>Ids of the manifest's prompts that have audio.</summary>
    public IReadOnlyCollection<string> PromptIds
    {
        get
        {
            var ids = new List<string>(_manifest.Prompts.Count);
            foreach (var p in _manifest.Prompts)
                if (Contains(p.Id)) ids.Add(p.Id);
            return ids;
        }
    }

    public bool Contains(string promptId) =>
        _manifest.TryGet(promptId, out var entry) && (_loaded.ContainsKey(promptId) || File.Exists(AudioPath(entry)));

    public string AudioPath(PromptEntry entry) => Path.Combine(_root, entry.RelativePath);

    public AudioClip Get(string promptId)
    {
        if (!_manifest.TryGet(promptId, out var entry))
            throw new KeyNotFoundException($"Prompt '{promptId}' is not in the prompt manifest.");

        if (_loaded.TryGetValue(promptId, out var current) && _time.GetTimestamp() < current.NextCheck) return current.Clip;

        // One caller looks at the file and decodes it; calls reaching the same prompt meanwhile wait
        // for that and share the clip instead of each decoding their own copy.
        lock (_loading.GetOrAdd(promptId, static _ => new Lock()))
        {
            return Refresh(promptId, entry);
        }
    }

    /// <summary>Reads the prompt's file again now, so the very next call plays a version just put in
    /// place (rather than within <see cref="CheckInterval"/>). A file that cannot be read leaves the
    /// loaded version playing, as in <see cref="Get"/>.</summary>
    public void Reload(string promptId)
    {
        if (!_manifest.TryGet(promptId, out var entry)) return;
        lock (_loading.GetOrAdd(promptId, static _ => new Lock()))
        {
            try
            {
                Refresh(promptId, entry, force: true);
            }
            catch (KeyNotFoundException ex)
            {
                LogNotReloaded(promptId, ex.Message);
            }
        }
    }

    private AudioClip Refresh(string promptId, PromptEntry entry, bool force = false)
    {
        var now = _time.GetTimestamp();
        if (_loaded.TryGetValue(promptId, out var current) && now < current.NextCheck && !force) return current.Clip;

        var path = AudioPath(entry);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            if (current is not null)
            {
                // Keep playing the version we have rather than fail a call; `prompts check` reports it.
                LogFileGone(path);
                return current.Clip;
            }

            throw new KeyNotFoundException($"Prompt '{promptId}' has no audio ({path}).");
        }

        var next = now + (long)(CheckInterval.TotalSeconds * _time.TimestampFrequency);
        if (!force && current is not null && current.WrittenAt == info.LastWriteTimeUtc && current.Length == info.Length)
        {
            _loaded[promptId] = current with { NextCheck = next };
            return current.Clip;
        }

        try
        {
            var samples = TelephonyAudio.ReadWav(path);
            var kind = entry.Kind == PromptKind.Tone ? AudioClipKind.Tone : AudioClipKind.Prompt;
            var clip = new AudioClip(promptId, kind, samples, entry.Kind == PromptKind.Speech ? entry.Text : null);
            _loaded[promptId] = new Loaded(clip, info.LastWriteTimeUtc, info.Length, next);
            if (current is not null) LogReloaded(promptId);
            return clip;
        }
        catch (Exception ex) when (ex is WavFormatException or IOException or UnauthorizedAccessException)
        {
            if (current is not null)
            {
                LogNewVersionUnreadable(ex, promptId);
                return current.Clip;
            }

            throw new KeyNotFoundException($"Prompt '{promptId}' cannot be read ({path}): {ex.Message}", ex);
        }
    }

    /// <summary>Recorded, synthesized placeholder, or missing.</summary>
    public PromptStatus GetStatus(string promptId)
    {
        if (!_manifest.TryGet(promptId, out var entry)) return PromptStatus.Missing;
        var path = AudioPath(entry);
        if (!File.Exists(path)) return PromptStatus.Missing;
        // Without a sidecar the file was put there by hand: an operator's recording.
        return PromptMetadata.TryRead(path)?.Status ?? PromptStatus.Recorded;
    }

    /// <summary>Loads every prompt that has audio, so the first call does not pay for decoding
    /// (and the large decoding buffers are made and dropped before any call's audio runs). A prompt
    /// whose file cannot be read is logged and left out: the server still starts, `prompts check`
    /// names the fault, and a call reaching that prompt gets what any failing prompt gets.</summary>
    public IReadOnlyList<AudioClip> Preload()
    {
        var clips = new List<AudioClip>();
        foreach (var id in PromptIds)
        {
            try
            {
                clips.Add(Get(id));
            }
            catch (KeyNotFoundException ex)
            {
                LogNotPreloaded(id, ex.Message);
            }
        }

        return clips;
    }

    private sealed record Loaded(AudioClip Clip, DateTime WrittenAt, long Length, long NextCheck);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prompt file {Path} disappeared; still playing the loaded version")]
    private partial void LogFileGone(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prompt {PromptId} reloaded: a new version is in place")]
    private partial void LogReloaded(string promptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "New version of prompt {PromptId} is unreadable; still playing the previous one")]
    private partial void LogNewVersionUnreadable(Exception exception, string promptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prompt {PromptId} not loaded at start: {Reason}")]
    private partial void LogNotPreloaded(string promptId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prompt {PromptId} not reloaded: {Reason}")]
    private partial void LogNotReloaded(string promptId, string reason);
}
