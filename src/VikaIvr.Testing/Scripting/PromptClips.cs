using VikaIvr.Flows.Ports;

namespace VikaIvr.Testing.Scripting;

/// <summary>The prompts a server plays, loaded from its prompt store to be recognised in what a test caller hears.</summary>
public static class PromptClips
{
    /// <summary>Every prompt that loads; <paramref name="unreadable"/> hears of each one that does not (it will not be recognised).</summary>
    public static List<AudioClip> Load(IPromptStore prompts, Action<string, Exception> unreadable)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(unreadable);
        var clips = new List<AudioClip>();
        foreach (var id in prompts.PromptIds)
        {
            try
            {
                clips.Add(prompts.Get(id));
            }
            catch (Exception ex) when (ex is KeyNotFoundException or IOException or InvalidDataException)
            {
                unreadable(id, ex);
            }
        }

        return clips;
    }
}
