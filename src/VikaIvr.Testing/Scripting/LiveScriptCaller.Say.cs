using VikaIvr.Flows.Scripting;

namespace VikaIvr.Testing.Scripting;

/// <summary>`expect say`: the heard speech is identified by the audio of the sentences synthesized here.</summary>
public sealed partial class LiveScriptCaller
{
    /// <summary>How much of a sentence's beginning must match sample for sample (0.5 s at 8 kHz), as for prompts.</summary>
    private const int IdentifyingSamples = 8000 / 2;

    /// <summary>
    /// The speech event must start with the next sentence of the simulated run, synthesized here; the
    /// sentences following it inside the same event belong to it too: their words are the utterance's.
    /// </summary>
    private ScriptOutput Utterance(HeardEvent ev)
    {
        if (_utterances is null)
        {
            _transcript.Add($"  (words not checked: {speech.Unchecked}; any audio that is no prompt is accepted as the utterance)");
            return new ScriptOutput(ScriptOutputKind.Say, "", ev.At);
        }

        var stream = _caller!.Received.Snapshot();
        string at = $" at {ev.At.TotalSeconds:0.000} s";
        if (_nextUtterance >= _utterances.Count)
        {
            return new ScriptOutput(ScriptOutputKind.Say, "", ev.At) { Problem = $"speech{at}, but the simulated run of this script says nothing more here" };
        }

        var first = _utterances[_nextUtterance];
        if (!first.StartsAt(stream, ev.Start, IdentifyingSamples))
        {
            if (ev.End <= stream.Length && first.IsCutBeginning(stream.AsSpan(ev.Start, ev.End - ev.Start)))
            {
                // Still a failure: nothing in the script cut it, so the server stopped saying it.
                return new ScriptOutput(ScriptOutputKind.Say, "", ev.At)
                {
                    Problem = $"speech{at} that is only the first {ev.Duration.TotalSeconds:0.00} s of the sentence synthesized here, \"{first.Words}\": the server stopped saying it",
                };
            }

            string also = "";
            for (int i = _nextUtterance + 1; i < _utterances.Count; i++)
            {
                if (_utterances[i].StartsAt(stream, ev.Start, IdentifyingSamples))
                {
                    also = $"; it is \"{_utterances[i].Words}\", said later in the simulated run";
                    break;
                }
            }

            return new ScriptOutput(ScriptOutputKind.Say, "", ev.At) { Problem = $"speech{at} that is not the sentence synthesized here, \"{first.Words}\"{also}" };
        }

        var words = new List<string> { first.Words };
        int position = ev.Start + first.AudibleLength;
        _nextUtterance++;
        while (_nextUtterance < _utterances.Count)
        {
            int next = PromptAudioIndex.FirstAudible(stream, position);
            if (next < 0 || next >= ev.End) break;
            var utterance = _utterances[_nextUtterance];
            if (!utterance.StartsAt(stream, next, IdentifyingSamples)) break;
            words.Add(utterance.Words);
            position = next + utterance.AudibleLength;
            _nextUtterance++;
        }

        string heard = string.Join(" ", words);
        _transcript.Add($"  (recognised by its audio: \"{heard}\")");
        return new ScriptOutput(ScriptOutputKind.Say, heard, ev.At) { Words = heard };
    }
}
