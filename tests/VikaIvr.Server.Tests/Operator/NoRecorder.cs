using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Tests.Operator;

/// <summary>A prompt recorder with no prompts, for tests that never reach a save.</summary>
public sealed class NoRecorder : IPromptRecorder
{
    public bool TryFindByNumber(string digits, out string promptId)
    {
        promptId = "";
        return false;
    }

    public void Save(string promptId, ReadOnlySpan<short> samples8k) => throw new NotSupportedException();
}
