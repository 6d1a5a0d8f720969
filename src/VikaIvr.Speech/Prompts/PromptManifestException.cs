namespace VikaIvr.Speech.Prompts;

/// <summary>The prompt manifest cannot be read; the message names the file and, where known, the line.</summary>
public sealed class PromptManifestException : Exception
{
    public PromptManifestException(string message) : base(message) { }
    public PromptManifestException(string message, Exception inner) : base(message, inner) { }
}
