using VikaIvr.Media.Session;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Load;

/// <summary>A load call's <see cref="ILoadCallControl"/>: the test caller that dialled it.</summary>
internal sealed class TestCallerControl(TestCaller caller) : ILoadCallControl
{
    /// <summary>Level and pitch of the tone that stands for the caller's voice, as in simulation.</summary>
    private const short VoiceAmplitude = 8000;
    private const double VoiceFrequency = 440;
    private const int SampleRate = 8000;

    public CancellationToken Ended => caller.Ended;

    public string? EndReason => caller.EndReason;

    public bool MediaClosed => caller.Media?.Closed.IsCancellationRequested != false;

    public IReadOnlyList<SipOutgoingEvent> History => caller.History;

    public Task SendDigitsAsync(string keys, TimeSpan gap, CancellationToken ct) => caller.SendDigitsAsync(keys, gap, ct);

    public Task SpeakAsync(TimeSpan duration, CancellationToken ct)
    {
        if (caller.Media is not { } media || caller.Negotiated is not { } negotiated) return Task.CompletedTask;
        var samples = new short[(int)(duration.TotalSeconds * SampleRate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = (short)(VoiceAmplitude * Math.Sin(2 * Math.PI * VoiceFrequency * i / SampleRate));
        return media.Play(EncodedAudio.Encode(samples, negotiated.Codec, "speak"), ct);
    }

    public Task HangupAsync(CancellationToken ct) => caller.HangupAsync(ct);
}
