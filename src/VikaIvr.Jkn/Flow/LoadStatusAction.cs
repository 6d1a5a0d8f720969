using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Sentences;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Flow;

/// <summary>"load-status": sets "status_sentence" for the verified participant; "failed" when none was verified.</summary>
public sealed class LoadStatusAction(TimeProvider clock) : IFlowAction
{
    public const string ActionName = "load-status";

    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public string Name => ActionName;

    public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (!ParticipantVariables.TryLoad(variables, out var participant, out string problem))
            return Task.FromResult(new FlowActionResult(FlowActionResult.Failed, problem));

        variables.Set(JknVariables.StatusSentence, StatusSentence.For(participant, JakartaTime.CurrentMonth(_clock)));
        return Task.FromResult(FlowActionResult.Success());
    }
}
