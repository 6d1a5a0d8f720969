using VikaIvr.Flows.Digits;
using VikaIvr.Media.Dtmf.InBand;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Media;

/// <summary>Runs the Goertzel detector on the caller's decoded audio and posts the digits it hears.</summary>
public sealed class InBandDigitListener(DigitQueue digits) : IMediaAudioListener
{
    private readonly InBandDtmfDetector _detector = new();

    public void OnAudio(ReadOnlySpan<short> samples, in RtpHeader header)
    {
        _detector.Process(samples);
        while (_detector.TryRead(out var e))
            if (e.Kind == InBandDtmfEventKind.Start) digits.Post(e.Digit, DtmfSource.InBand);
    }
}
