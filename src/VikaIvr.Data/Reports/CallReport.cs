namespace VikaIvr.Data.Reports;

/// <summary>
/// The figures of the calls that started in [<see cref="From"/>, <see cref="To"/>), made by
/// <see cref="CallReportBuilder"/>. The same object feeds `vika report` (text, JSON, CSV) and the
/// console's reports page, so both always show the same numbers. Every figure except
/// <see cref="InProgress"/> and <see cref="CallsPerHour"/> counts finished calls only (a call still
/// running has no path or outcome yet).
/// </summary>
public sealed class CallReport
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }

    /// <summary>Finished calls (end reason other than "in-progress") that started in the period, answered or not.</summary>
    public int Calls { get; init; }

    /// <summary>Calls of the period still running (or cut by a crash not yet noticed) when the report was made.</summary>
    public int InProgress { get; init; }

    /// <summary>Finished calls the server answered (answered_at set).</summary>
    public int Answered { get; init; }

    /// <summary>
    /// Containment: answered calls that the IVR ended without handing them to an agent — every
    /// answered call whose outcome is not "transferred" (an accepted transfer). Calls whose transfer
    /// failed and went on in the flow stay contained; so do callers who hung up in the flow.
    /// </summary>
    public int Contained { get; init; }

    /// <summary><see cref="Contained"/> / <see cref="Answered"/> (0 when nothing was answered).</summary>
    public double ContainmentRate => Answered == 0 ? 0 : (double)Contained / Answered;

    /// <summary>Calls with at least one transfer attempt (an accepted or failed transfer event).</summary>
    public int TransferCalls { get; init; }

    /// <summary>Transfer attempts: every "transfer …: accepted/failed" event and every transfer refused for want of an agent URI.</summary>
    public int TransferAttempts { get; init; }

    /// <summary>Attempts the far end accepted (REFER accepted): the call left the IVR.</summary>
    public int TransfersAccepted { get; init; }

    /// <summary>Attempts that failed (REFER refused, no answer, no agent URI): the caller heard agents-busy.</summary>
    public int TransfersFailed { get; init; }

    /// <summary>Calls whose outcome is "transferred" (handed to an agent): <see cref="Answered"/> − <see cref="Contained"/>.</summary>
    public int Transferred { get; init; }

    /// <summary>
    /// Abandoned: calls the caller ended (ended_by "caller": BYE or CANCEL) before any result — the
    /// outcome still empty or "caller-hangup", i.e. before any node that sets an outcome (an answer,
    /// too-many-attempts, too-many-failures) and before an accepted transfer.
    /// Includes <see cref="AbandonedBeforeAnswer"/>.
    /// </summary>
    public int Abandoned { get; init; }

    /// <summary>Abandoned calls that were never answered (the caller cancelled while it rang).</summary>
    public int AbandonedBeforeAnswer { get; init; }

    /// <summary><see cref="Abandoned"/> / <see cref="Calls"/> (0 when there were no calls).</summary>
    public double AbandonmentRate => Calls == 0 ? 0 : (double)Abandoned / Calls;

    /// <summary>Calls with a handle time: answered and ended (a crashed call has no end time).</summary>
    public int HandleTimeCalls { get; init; }

    /// <summary>Mean of answered→ended over <see cref="HandleTimeCalls"/>; null when there are none.</summary>
    public TimeSpan? AverageHandleTime { get; init; }

    /// <summary>90th percentile (nearest rank: the smallest handle time at least 90 % of the calls do not exceed); null when there are none.</summary>
    public TimeSpan? P90HandleTime { get; init; }

    /// <summary>Every hour of the period from the hour <see cref="From"/> falls in (in its offset), with the calls (finished or not) that started in it; hours without calls are listed with 0.</summary>
    public IReadOnlyList<HourCount> CallsPerHour { get; init; } = [];

    /// <summary>Per DTMF method ("rfc4733", "info", "inband"), the answered calls that used it (a call using two counts in both).</summary>
    public IReadOnlyList<NamedCount> DtmfMethods { get; init; } = [];

    /// <summary>Answered calls with no DTMF at all.</summary>
    public int CallsWithoutDtmf { get; init; }

    /// <summary>Verification failures: every action event with the outcome "not-verified" (number and birth date did not match), counted per attempt.</summary>
    public int VerificationFailures { get; init; }

    /// <summary>Calls with at least one verification failure.</summary>
    public int CallsWithVerificationFailure { get; init; }

    /// <summary>Calls whose outcome is "too-many-attempts" (the verification limit was reached).</summary>
    public int TooManyAttempts { get; init; }

    /// <summary>`system-busy` occurrences: every "system-busy: …" event (a data or speech failure the caller heard as the system-busy prompt).</summary>
    public int SystemBusy { get; init; }

    /// <summary>Calls that heard system-busy at least once.</summary>
    public int CallsWithSystemBusy { get; init; }

    /// <summary>The drop-off funnel along the flow (see <see cref="CallReportBuilder"/> for the order).</summary>
    public IReadOnlyList<FunnelStep> Funnel { get; init; } = [];

    /// <summary>Finished calls per outcome ("" shown as "none"), most frequent first.</summary>
    public IReadOnlyList<NamedCount> Outcomes { get; init; } = [];

    /// <summary>Finished calls per end reason, most frequent first.</summary>
    public IReadOnlyList<NamedCount> EndReasons { get; init; } = [];
}
