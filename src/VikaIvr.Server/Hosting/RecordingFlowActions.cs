using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Server.Hosting.Operator;

namespace VikaIvr.Server.Hosting;

/// <summary>The actions config/flows/recording.yaml names: check-pin, select-prompt, save-recording.</summary>
public static class RecordingFlowActions
{
    /// <summary>Without a lockout: `vika simulate` and the flow checks.</summary>
    public static FlowComponents Create(OperatorLine line, IPromptRecorder prompts) => Create(line, prompts, NoPinLockout.Instance);

    /// <summary>For one call on the operator line, whose PIN tries <paramref name="guard"/> counts.</summary>
    public static FlowComponents Create(OperatorLine line, IPromptRecorder prompts, IOperatorPinGuard guard) =>
        new([new CheckPinAction(line, guard), new SelectPromptAction(prompts), new SaveRecordingAction(prompts)], Array.Empty<IDigitValidator>());
}
