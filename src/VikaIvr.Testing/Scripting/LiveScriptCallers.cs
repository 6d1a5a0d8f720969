using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Testing.Scripting;

/// <summary>
/// Makes a <see cref="LiveScriptCaller"/> for each script, for a <see cref="ScriptRunner"/>: the
/// prompts' audio is indexed once per codec (the same prompt files the server plays), and the
/// sentences the server will say come from <paramref name="planSpeech"/> (the composition root runs
/// the script through the simulator to learn them).
/// </summary>
public sealed class LiveScriptCallers(LiveScriptOptions options, Func<CallScript, CancellationToken, Task<SpeechPlan>> planSpeech,
    ILoggerFactory loggers, TextWriter error)
{
    private readonly Dictionary<RtpAudioCodec, PromptAudioIndex> _indexes = [];

    public async ValueTask<IScriptCaller> ForAsync(CallScript script, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(script);
        var plan = script.Statements.Any(s => s.Kind == ScriptStatementKind.ExpectSay)
            ? await planSpeech(script, ct)
            : new SpeechPlan([], null);
        return new LiveScriptCaller(options, IndexFor, plan, loggers);
    }

    private PromptAudioIndex IndexFor(RtpAudioCodec codec)
    {
        if (!_indexes.TryGetValue(codec, out var index)) _indexes[codec] = index = new PromptAudioIndex(LoadClips(options.Prompts), codec);
        return index;
    }

    private List<AudioClip> LoadClips(IPromptStore prompts) =>
        PromptClips.Load(prompts, (id, ex) => error.WriteLine($"simulate --target: prompt {id} cannot be loaded ({ex.Message}); it will not be recognised"));
}
