namespace VikaIvr.Data.ParticipantApi;

/// <summary>The participant service's answer body is larger than the configured cap.</summary>
public sealed class ParticipantApiBodyTooLargeException(int maxBytes)
    : Exception($"the answer body is larger than {maxBytes} bytes");
