using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

internal sealed partial class FlowStepRunner
{
    private async Task<string?> RecordAsync(RecordNode node)
    {
        // The instructions and the beep are heard whole: a key here would otherwise cut the beep.
        for (int i = 0; i < node.PromptIds.Count; i++) await PlayPromptAsync(node.PromptIds[i].Name, bargeIn: false); // indexed: no boxed enumerator
        if (node.Beep is { } beep) await PlayPromptAsync(beep.Name, bargeIn: false);
        if (HungUp) return null;
        s.AbsorbTerminator = false;

        var options = new RecordOptions
        {
            MaxDuration = node.MaxDuration,
            SilenceTimeout = node.SilenceTimeout,
            Terminators = node.Terminators,
        };
        var result = await s.Call.RecordAsync(options, s.Ct);
        if (result.Termination == RecordTermination.Hangup) return null;

        // Too short is judged by the sound in it, not by its length: a '#' pressed late or silence
        // until the timeout is still nothing said, and would otherwise be kept as a silent clip.
        var heard = result.SoundDuration(options.SilenceLevel);
        s.Event($"record {node.Id}: {result.Duration.TotalSeconds:0.0} s, {heard.TotalSeconds:0.0} s of sound ({result.Termination})");
        if (heard < node.MinDuration && node.OnTooShort is { } tooShort) return tooShort.Name;
        s.Variables.SetClip(node.Variable, new AudioClip("recording-" + node.Variable, AudioClipKind.Recording, result.Samples));
        return node.Next.Name;
    }
}
