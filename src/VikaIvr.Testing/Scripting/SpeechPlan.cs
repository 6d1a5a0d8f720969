using VikaIvr.Flows.Ports;

namespace VikaIvr.Testing.Scripting;

/// <summary>
/// What a live script expects the server to say: the sentences of the simulated run synthesized
/// locally (in order), or, when that is impossible, why `expect say` only checks that speech was heard.
/// </summary>
public sealed record SpeechPlan(IReadOnlyList<AudioClip>? Clips, string? Unchecked)
{
    public static SpeechPlan Lenient(string why) => new(null, why);
}
