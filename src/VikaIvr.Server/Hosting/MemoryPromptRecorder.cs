using System.Globalization;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Hosting;

/// <summary>For `vika simulate`: finds prompts in the manifest, keeps saved recordings in memory and
/// never touches the prompt folder.</summary>
public sealed class MemoryPromptRecorder(PromptManifest manifest) : IPromptRecorder
{
    private readonly Lock _gate = new();
    private readonly List<(string PromptId, int Samples)> _saved = [];

    /// <summary>What was saved, in order: prompt id and length in samples.</summary>
    public IReadOnlyList<(string PromptId, int Samples)> Saved
    {
        get
        {
            lock (_gate) return [.. _saved];
        }
    }

    public bool TryFindByNumber(string digits, out string promptId)
    {
        promptId = "";
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number)) return false;
        if (!manifest.TryGetByNumber(number, out var entry)) return false;
        promptId = entry.Id;
        return true;
    }

    public void Save(string promptId, ReadOnlySpan<short> samples8k)
    {
        lock (_gate) _saved.Add((promptId, samples8k.Length));
    }
}
