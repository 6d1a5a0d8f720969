namespace VikaIvr.Server.Hosting;

/// <summary>Where the recording flow finds prompts by their operator number and saves new versions.</summary>
public interface IPromptRecorder
{
    /// <summary>The prompt id for the number an operator typed; false when no prompt has it.</summary>
    bool TryFindByNumber(string digits, out string promptId);

    /// <summary>Saves 8 kHz mono audio as the prompt's new version (the old one is kept in history).</summary>
    void Save(string promptId, ReadOnlySpan<short> samples8k);
}
