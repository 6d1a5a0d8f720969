using System.Globalization;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Hosting;

/// <summary>Saves phone recordings into the prompt folder through <see cref="PromptLibrary"/>; the
/// running prompt store picks up the new version without a restart.</summary>
public sealed class LibraryPromptRecorder(PromptLibrary library) : IPromptRecorder
{
    private readonly Lock _gate = new();

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
        // Two operators saving the same prompt at once must not interleave the history moves.
        lock (_gate) library.SaveRecording(promptId, samples8k, "phone");
    }
}
