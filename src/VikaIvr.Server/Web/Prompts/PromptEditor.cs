using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.Audit;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Web.Prompts;

/// <summary>
/// The operators' prompt changes, one rule for the web console and `vika prompts import`: a new file
/// is taken only as the importer takes it (<see cref="PromptAudioImport"/>), becomes the prompt's next
/// version in prompt_versions (which every other node applies through its prompt sync) and at once this
/// node's prompt (the old one to history, <paramref name="applied"/> told so the prompt store reloads
/// it for the very next call). A restore is a new version copying an old one. The database comes first:
/// when it refuses, nothing changes. Every change is written to the audit log (who, what, when). Before a prompt's first stored version, the audio in place is kept
/// as version 1 (<see cref="PromptVersionSources.First"/>), so the shipped prompt can be restored too.
/// </summary>
/// <param name="applied">Called with the prompt id once a version is in this node's folder.</param>
public sealed partial class PromptEditor(
    PromptLibrary library,
    PromptVersionStore versions,
    AuditLog audit,
    string nodeId,
    Action<string> applied,
    TimeProvider clock,
    ILogger<PromptEditor> log)
{
    /// <summary>How many versions a history shows.</summary>
    public const int HistoryLimit = 100;

    // One change at a time on this node: the first-version check and the write belong together.
    private readonly SemaphoreSlim _changing = new(1, 1);

    public PromptLibrary Library => library;

    public PromptImportLimits Limits => library.ImportLimits;

    /// <summary>Every prompt of the manifest with its status, levels, check findings and version.</summary>
    /// <param name="usedByFlow">The prompts the call flow plays (those missing from the manifest are findings too).</param>
    public PromptsOverview List(IReadOnlyCollection<string> usedByFlow)
    {
        ArgumentNullException.ThrowIfNull(usedByFlow);
        // Each prompt's file is read and measured once, for its line and its findings alike.
        var prompts = new List<PromptOverview>(library.Manifest.Prompts.Count);
        foreach (var info in library.List())
            prompts.Add(new PromptOverview(info, library.Check(info), CurrentVersion(info), usedByFlow.Contains(info.Id)));
        return new PromptsOverview(prompts, library.NotInManifest(usedByFlow.Order(StringComparer.Ordinal)));
    }

    /// <summary>One prompt as <see cref="List"/> shows it; null when it is not in the manifest.</summary>
    public PromptOverview? Find(string promptId, IReadOnlyCollection<string> usedByFlow)
    {
        ArgumentNullException.ThrowIfNull(usedByFlow);
        if (!library.Manifest.TryGet(promptId, out _)) return null;
        var info = library.Describe(promptId);
        return new PromptOverview(info, library.Check(info), CurrentVersion(info), usedByFlow.Contains(promptId));
    }

    /// <summary>Takes an operator's file as the prompt's next version.</summary>
    /// <param name="source">"console" or "import" (<see cref="PromptVersionSources"/>).</param>
    /// <param name="actor">Who made the change (a console user, or the CLI's user).</param>
    /// <exception cref="KeyNotFoundException">The prompt is not in the manifest.</exception>
    /// <exception cref="PromptAudioRejectedException">Not a WAV, too big, too long or silent.</exception>
    /// <exception cref="DataStoreException">The database refused; nothing changed.</exception>
    public async Task<PromptChange> UploadAsync(string promptId, ReadOnlyMemory<byte> file, string fileName, string source, string actor, CancellationToken ct)
    {
        EnsureInManifest(promptId);
        var prepared = library.Prepare(file.Span, fileName);
        await _changing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await KeepFirstAsync(promptId, actor, ct).ConfigureAwait(false);
            var stored = await versions.AddAsync(promptId, prepared.ToWav(), source, nodeId, actor, clock.GetUtcNow(), ct).ConfigureAwait(false);
            var info = Apply(promptId, prepared.Samples, PromptStatus.Recorded, $"{source}:{Path.GetFileName(fileName)}", stored.Version);
            LogUploaded(promptId, stored.Version, source, actor);
            await AuditAsync(actor, source == PromptVersionSources.Console ? "prompt.upload" : "prompt." + source, promptId,
                $"version {stored.Version} from {Path.GetFileName(fileName)} ({info.Levels?.Duration.TotalSeconds ?? 0:0.0} s)", ct).ConfigureAwait(false);
            return new PromptChange(promptId, stored.Version, info);
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Makes an old version the prompt's next version (a copy: the history only grows).</summary>
    /// <exception cref="KeyNotFoundException">No such prompt or version.</exception>
    /// <exception cref="DataStoreException">The database refused; nothing changed.</exception>
    public async Task<PromptChange> RestoreAsync(string promptId, int version, string actor, CancellationToken ct)
    {
        EnsureInManifest(promptId);
        await _changing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var old = await versions.GetAsync(promptId, version, ct).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Prompt '{promptId}' has no version {version}.");
            var samples = Decode(old);
            string source = PromptVersionSources.Restored(old.Source, old.Version);
            var stored = await versions.AddAsync(promptId, old.Wav, source, nodeId, actor, clock.GetUtcNow(), ct).ConfigureAwait(false);
            var info = Apply(promptId, samples, PromptVersionSources.StatusOf(source), source, stored.Version);
            LogRestored(promptId, version, stored.Version, actor);
            await AuditAsync(actor, "prompt.restore", promptId, $"version {stored.Version} = copy of version {version}", ct).ConfigureAwait(false);
            return new PromptChange(promptId, stored.Version, info);
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>The prompt's stored versions, newest first.</summary>
    public Task<IReadOnlyList<PromptVersionInfo>> HistoryAsync(string promptId, CancellationToken ct) =>
        versions.GetHistoryAsync(promptId, HistoryLimit, ct);

    /// <summary>A stored version's WAV file; null when there is none.</summary>
    public async Task<byte[]?> VersionWavAsync(string promptId, int version, CancellationToken ct) =>
        (await versions.GetAsync(promptId, version, ct).ConfigureAwait(false))?.Wav;

    /// <summary>The WAV file this node plays for the prompt; null when it has none (or is not in the manifest).</summary>
    public string? CurrentAudioPath(string promptId)
    {
        if (!library.Manifest.TryGet(promptId, out var entry)) return null;
        var path = library.AudioPath(entry);
        return File.Exists(path) ? path : null;
    }

    private static int? CurrentVersion(PromptInfo info) =>
        info.Status == PromptStatus.Missing ? null : PromptMetadata.TryRead(info.AudioPath)?.Version;

    private static short[] Decode(PromptVersion version)
    {
        var audio = WavReader.Read(version.Wav, $"{version.PromptId} version {version.Version}");
        if (audio.SampleRate != TelephonyAudio.SampleRate)
            throw new WavFormatException(version.PromptId, $"version {version.Version} is {audio.SampleRate} Hz, not {TelephonyAudio.SampleRate} Hz");
        return audio.ToPcm16();
    }

    private void EnsureInManifest(string promptId)
    {
        if (!library.Manifest.TryGet(promptId, out _))
            throw new KeyNotFoundException($"Prompt '{promptId}' is not in {PromptManifest.FileName}.");
    }

    /// <summary>Before a prompt's first stored version, what the folder holds becomes version 1.</summary>
    private async Task KeepFirstAsync(string promptId, string actor, CancellationToken ct)
    {
        if ((await versions.GetHistoryAsync(promptId, 1, ct).ConfigureAwait(false)).Count > 0) return;
        var current = library.Describe(promptId);
        if (current.Status == PromptStatus.Missing || current.Levels is null) return;
        var wav = WavWriter.ToBytes(TelephonyAudio.ReadWav(current.AudioPath), TelephonyAudio.SampleRate);
        await versions.AddAsync(promptId, wav, PromptVersionSources.First(current.Status), nodeId, actor, clock.GetUtcNow(), ct).ConfigureAwait(false);
    }

    private PromptInfo Apply(string promptId, short[] samples, PromptStatus status, string source, int version)
    {
        var info = library.SaveVersion(promptId, samples, new PromptMetadata
        {
            Status = status, Source = source, UpdatedAt = clock.GetUtcNow(), Version = version,
        });
        applied(promptId);
        return info;
    }

    /// <summary>The change is made by now: an audit log that fails is logged, not reported as a failed change.</summary>
    private async Task AuditAsync(string actor, string action, string subject, string detail, CancellationToken ct)
    {
        try
        {
            await audit.AddAsync(actor, action, subject, detail, ct).ConfigureAwait(false);
        }
        catch (DataStoreException ex)
        {
            LogAuditFailed(action, subject, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Prompt {PromptId} version {Version} stored ({Source}, by {Actor})")]
    private partial void LogUploaded(string promptId, int version, string source, string actor);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Prompt {PromptId} version {Old} restored as version {Version} (by {Actor})")]
    private partial void LogRestored(string promptId, int old, int version, string actor);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The audit log did not take {Action} of prompt {PromptId}: {Cause}")]
    private partial void LogAuditFailed(string action, string promptId, string cause);
}
