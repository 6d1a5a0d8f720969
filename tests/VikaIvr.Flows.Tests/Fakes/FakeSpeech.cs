using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Tests.Fakes;

/// <summary>"Speaks" text at 10 characters a second; the clip text is the input lower-cased (a stand-in normaliser).</summary>
public sealed class FakeSpeech : ISpeech
{
    public bool Fail { get; set; }

    public Task<AudioClip> SayAsync(string text, CancellationToken ct)
    {
        if (Fail) throw new SpeechException("engine missing");
        var samples = new short[text.Length * AudioClip.SampleRate / 10];
        return Task.FromResult(new AudioClip("speech", AudioClipKind.Speech, samples, text.ToLowerInvariant()));
    }
}
