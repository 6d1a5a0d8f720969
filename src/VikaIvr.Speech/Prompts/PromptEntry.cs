namespace VikaIvr.Speech.Prompts;

/// <summary>One prompt of the manifest: what it says and where its audio lives.</summary>
/// <param name="Number">What an operator types in the phone recording flow to pick this prompt.</param>
public sealed record PromptEntry(string Id, string Text, string File, string Language, PromptKind Kind = PromptKind.Speech, int? Number = null)
{
    /// <summary>The audio file under the prompts root: &lt;language&gt;/&lt;file&gt;.</summary>
    public string RelativePath => Path.Combine(Language, File);
}
