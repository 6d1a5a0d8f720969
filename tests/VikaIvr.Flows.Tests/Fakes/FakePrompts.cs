using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Tests.Fakes;

/// <summary>Every VIKA.md prompt, each two seconds of silence.</summary>
public sealed class FakePrompts : IPromptStore
{
    public static readonly string[] VikaIds =
    [
        "welcome", "main-menu", "vika-menu", "enter-id", "enter-dob", "invalid-id", "not-verified",
        "too-many-attempts", "no-input", "invalid-choice", "after-result", "info-menu", "info-rehab",
        "info-channels", "info-registration", "transfer", "agents-busy", "system-busy", "goodbye",
    ];

    private readonly HashSet<string> _ids;

    public FakePrompts(params string[] ids) => _ids = new HashSet<string>(ids.Length == 0 ? VikaIds : ids);

    public bool Contains(string promptId) => _ids.Contains(promptId);

    public AudioClip Get(string promptId) => _ids.Contains(promptId)
        ? new AudioClip(promptId, AudioClipKind.Prompt, new short[2 * AudioClip.SampleRate])
        : throw new KeyNotFoundException(promptId);

    public IReadOnlyCollection<string> PromptIds => _ids;
}
