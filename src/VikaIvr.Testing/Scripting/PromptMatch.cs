namespace VikaIvr.Testing.Scripting;

/// <summary>A prompt found in the received stream: [Start, End) matched it sample for sample.</summary>
public readonly record struct PromptMatch(string PromptId, int Start, int End, bool Cut);
