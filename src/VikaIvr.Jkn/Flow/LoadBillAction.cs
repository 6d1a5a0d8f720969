using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Billing;
using VikaIvr.Jkn.Sentences;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Flow;

/// <summary>"load-bill": sets "bill_sentence" for the verified participant; "failed" when none was verified.</summary>
public sealed class LoadBillAction(TimeProvider clock) : IFlowAction
{
    public const string ActionName = "load-bill";

    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public string Name => ActionName;

    public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (!ParticipantVariables.TryLoad(variables, out var participant, out string problem))
            return Task.FromResult(new FlowActionResult(FlowActionResult.Failed, problem));

        var bill = BillCalculator.Compute(participant, JakartaTime.CurrentMonth(_clock));
        variables.Set(JknVariables.BillSentence, BillSentence.For(bill));
        return Task.FromResult(FlowActionResult.Success());
    }
}
