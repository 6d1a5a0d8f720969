using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Jkn.Flow;

/// <summary>The VIKA actions and validators, ready to register with the flow engine.</summary>
public sealed class JknFlowActions
{
    private JknFlowActions(IReadOnlyList<IFlowAction> actions, IReadOnlyList<IDigitValidator> validators)
    {
        Actions = actions;
        Validators = validators;
    }

    /// <summary>verify-participant, load-status, load-bill.</summary>
    public IReadOnlyList<IFlowAction> Actions { get; }

    /// <summary>nik-or-card, birth-date.</summary>
    public IReadOnlyList<IDigitValidator> Validators { get; }

    public static JknFlowActions Create(IParticipantRepository repository, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(clock);
        return new JknFlowActions(
            [new VerifyParticipantAction(repository, clock), new LoadStatusAction(clock), new LoadBillAction(clock)],
            [new NikOrCardValidator(), new BirthDateValidator()]);
    }
}
