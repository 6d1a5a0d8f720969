using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Commands.LiveScript;

/// <summary>
/// The simulated run's speech: text only, but every text the flow asks to say is kept in order, so
/// the live run can synthesize exactly what the server will say.
/// </summary>
internal sealed class RecordingSpeech(ISpeech inner) : ISpeech
{
    private readonly List<string> _texts = [];

    /// <summary>The texts as the flow passed them (not yet normalised), in the order they were said.</summary>
    public IReadOnlyList<string> Texts => _texts;

    public async Task<AudioClip> SayAsync(string text, CancellationToken ct)
    {
        var clip = await inner.SayAsync(text, ct);
        _texts.Add(text);
        return clip;
    }

    public void Clear() => _texts.Clear();
}
