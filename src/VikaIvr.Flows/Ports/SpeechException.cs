namespace VikaIvr.Flows.Ports;

/// <summary>The speech engine is missing or failed.</summary>
public sealed class SpeechException : Exception
{
    public SpeechException(string message) : base(message) { }
    public SpeechException(string message, Exception inner) : base(message, inner) { }
}
