using System.Globalization;
using System.Threading.Channels;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// Saves phone recordings into the prompt folder through <see cref="PromptLibrary"/>; the running
/// prompt store picks up the new version without a restart. Each saved version is also handed to
/// <see cref="Made"/> for the shared database (Serve/PromptSyncService writes it there, off the call),
/// and versions other nodes made are applied here through the same library, under the same lock.
/// </summary>
public sealed class LibraryPromptRecorder(PromptLibrary library, TimeProvider clock) : IPromptRecorder
{
    private readonly Lock _gate = new();
    private readonly Channel<LocalPromptVersion> _made = Channel.CreateUnbounded<LocalPromptVersion>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The prompt folder's library (shared with the console's prompt editor: one lock for every store).</summary>
    public PromptLibrary Library => library;

    /// <summary>The versions saved on this node, in order, not yet taken for the database.</summary>
    public ChannelReader<LocalPromptVersion> Made => _made.Reader;

    public bool TryFindByNumber(string digits, out string promptId)
    {
        promptId = "";
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number)) return false;
        if (!library.Manifest.TryGetByNumber(number, out var entry)) return false;
        promptId = entry.Id;
        return true;
    }

    public void Save(string promptId, ReadOnlySpan<short> samples8k)
    {
        byte[] wav;
        // Two operators saving the same prompt at once must not interleave the history moves.
        lock (_gate)
        {
            var saved = library.SaveRecording(promptId, samples8k, "phone");
            wav = File.ReadAllBytes(saved.AudioPath);
        }

        _made.Writer.TryWrite(new LocalPromptVersion(promptId, wav, "phone", clock.GetUtcNow()));
    }

    /// <summary>Applies a version another node made (its WAV file, stored as it is) as this folder's
    /// new version; the old one goes to history. Its status follows its source (a placeholder stays one).</summary>
    /// <returns>False when the prompt is not in this node's manifest.</returns>
    public bool Apply(string promptId, byte[] wav, string source, int version)
    {
        ArgumentNullException.ThrowIfNull(wav);
        ArgumentNullException.ThrowIfNull(source);
        if (!library.Manifest.TryGet(promptId, out _)) return false;
        var audio = WavReader.Read(wav, promptId);
        if (audio.SampleRate != 8000)
        {
            throw new WavFormatException(promptId, $"{audio.SampleRate} Hz, not 8000 Hz");
        }

        var samples = audio.ToPcm16();
        var metadata = new PromptMetadata
        {
            Status = Web.Prompts.PromptVersionSources.StatusOf(source), Source = source, UpdatedAt = clock.GetUtcNow(), Version = version,
        };
        lock (_gate) library.SaveVersion(promptId, samples, metadata);
        return true;
    }

    /// <summary>Notes in the prompt's sidecar that the file is now stored as <paramref name="version"/>
    /// (a phone recording once the database has it), unless a newer file took its place meanwhile.</summary>
    public void MarkStored(string promptId, byte[] wav, int version)
    {
        ArgumentNullException.ThrowIfNull(wav);
        if (!library.Manifest.TryGet(promptId, out var entry)) return;
        var path = library.AudioPath(entry);
        lock (_gate)
        {
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(wav)) return;
            var metadata = PromptMetadata.TryRead(path) ?? new PromptMetadata { Status = PromptStatus.Recorded, UpdatedAt = clock.GetUtcNow() };
            (metadata with { Version = version }).Write(path);
        }
    }
}
