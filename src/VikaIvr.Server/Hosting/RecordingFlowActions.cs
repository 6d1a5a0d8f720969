using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting;

/// <summary>The actions config/flows/recording.yaml names: check-pin, select-prompt, save-recording.</summary>
public static class RecordingFlowActions
{
    public static FlowComponents Create(OperatorLine line, IPromptRecorder prompts) =>
        new([new CheckPinAction(line), new SelectPromptAction(prompts), new SaveRecordingAction(prompts)], Array.Empty<IDigitValidator>());
}
