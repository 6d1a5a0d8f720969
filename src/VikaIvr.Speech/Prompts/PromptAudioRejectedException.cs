namespace VikaIvr.Speech.Prompts;

/// <summary>A new prompt audio file was refused; the message says why in words an operator can act on.</summary>
public sealed class PromptAudioRejectedException : Exception
{
    public PromptAudioRejectedException()
    {
    }

    public PromptAudioRejectedException(string message)
        : base(message)
    {
    }

    public PromptAudioRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PromptAudioRejectedException(PromptAudioRejection rejection, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Rejection = rejection;
    }

    public PromptAudioRejection Rejection { get; }
}
