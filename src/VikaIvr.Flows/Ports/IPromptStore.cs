namespace VikaIvr.Flows.Ports;

/// <summary>Recorded prompts by id. Implementations may pick up new versions while running.</summary>
public interface IPromptStore
{
    bool Contains(string promptId);

    /// <summary>The current version of a prompt; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    AudioClip Get(string promptId);

    IReadOnlyCollection<string> PromptIds { get; }
}
