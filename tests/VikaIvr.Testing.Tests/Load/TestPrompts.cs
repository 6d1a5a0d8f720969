using VikaIvr.Flows.Ports;

namespace VikaIvr.Testing.Tests.Load;

/// <summary>Prompts for fingerprint tests: leading silence, then seeded noise (no frame repeats, unlike a pure tone).</summary>
internal static class TestPrompts
{
    public static AudioClip Noise(string id, int silentSamples, int seed, int samples = 8000)
    {
        var random = new Random(seed);
        var pcm = new short[silentSamples + samples];
        for (int i = silentSamples; i < pcm.Length; i++) pcm[i] = (short)random.Next(-6000, 6000);
        return new AudioClip(id, AudioClipKind.Prompt, pcm);
    }

    public static AudioClip Silence(string id) => new(id, AudioClipKind.Prompt, new short[8000]);
}
