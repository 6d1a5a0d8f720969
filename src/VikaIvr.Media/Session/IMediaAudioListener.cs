using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>
/// Receives the caller's decoded audio (in-band DTMF detector, recorder). Called on the session's
/// receive loop in arrival order (not reordered: a jitter buffer uses the header to do that);
/// the span is only valid during the call. Must be quick.
/// </summary>
public interface IMediaAudioListener
{
    void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header);
}
