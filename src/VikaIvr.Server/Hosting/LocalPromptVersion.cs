namespace VikaIvr.Server.Hosting;

/// <summary>A prompt version made on this node (the WAV file as saved), waiting to be written to the shared database.</summary>
public sealed record LocalPromptVersion(string PromptId, byte[] Wav, string Source, DateTimeOffset CreatedAt);
