namespace VikaIvr.Media.Audio;

/// <summary>A WAV file that cannot be read; the message names the file and the fault.</summary>
public sealed class WavFormatException : Exception
{
    public WavFormatException(string fileName, string fault)
        : base($"{fileName}: {fault}")
    {
        FileName = fileName;
        Fault = fault;
    }

    public WavFormatException(string fileName, string fault, Exception inner)
        : base($"{fileName}: {fault}", inner)
    {
        FileName = fileName;
        Fault = fault;
    }

    /// <summary>The file (or stream name) that was being read.</summary>
    public string FileName { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Fault { get; }
}
