using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;
using VikaIvr.Jkn.Verification;

namespace VikaIvr.Jkn.Flow;

/// <summary>
/// "verify-participant": checks variables "id" and "dob" together. Outcomes: "ok" (participant
/// kept in the variables), "not-verified" (one answer for every kind of mismatch), "failed"
/// (the repository threw; Detail names the failure without personal data).
/// </summary>
public sealed class VerifyParticipantAction(IParticipantRepository repository, TimeProvider clock) : IFlowAction
{
    public const string ActionName = "verify-participant";

    private readonly ParticipantVerifier _verifier = new(repository);
    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public string Name => ActionName;

    public async Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ParticipantVariables.Clear(variables);

        string? id = variables[JknVariables.Id];
        string? dob = variables[JknVariables.BirthDate];
        if (id is null || dob is null)
        {
            return new FlowActionResult(FlowActionResult.Failed,
                $"verify-participant needs variables '{JknVariables.Id}' and '{JknVariables.BirthDate}'");
        }

        Participant? participant;
        try
        {
            participant = await _verifier.VerifyAsync(id, dob, JakartaTime.Today(_clock), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new FlowActionResult(FlowActionResult.Failed,
                "participant lookup failed: " + PersonalData.ScrubDigits($"{ex.GetType().Name}: {ex.Message}"));
        }

        if (participant is null) return new FlowActionResult(FlowActionResult.NotVerified);

        ParticipantVariables.Store(variables, participant);
        return FlowActionResult.Success();
    }
}
