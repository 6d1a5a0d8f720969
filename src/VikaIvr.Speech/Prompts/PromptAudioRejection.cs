namespace VikaIvr.Speech.Prompts;

/// <summary>Why a new prompt audio file was refused (<see cref="PromptAudioRejectedException"/>).</summary>
public enum PromptAudioRejection
{
    /// <summary>Not a WAV file the reader takes (another format, a cut download, a broken header).</summary>
    NotWav,

    /// <summary>Larger than <see cref="PromptImportLimits.MaxBytes"/>.</summary>
    TooBig,

    /// <summary>Longer than <see cref="PromptImportLimits.MaxDuration"/>.</summary>
    TooLong,

    /// <summary>No sound above the silence threshold (or no samples at all).</summary>
    Silent,
}
