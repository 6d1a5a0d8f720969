namespace VikaIvr.Jkn.Flow;

/// <summary>Names of the flow variables the VIKA actions read and write (used by the call-flow YAML).</summary>
public static class JknVariables
{
    /// <summary>Input (personal): the typed NIK or card number.</summary>
    public const string Id = "id";

    /// <summary>Input (personal): the typed birth date DDMMYYYY.</summary>
    public const string BirthDate = "dob";

    /// <summary>Set on "ok": the masked NIK of the verified participant, safe for records.</summary>
    public const string ParticipantRef = "participant_ref";

    /// <summary>Set on "ok" (personal): the participant's name.</summary>
    public const string ParticipantName = "participant_name";

    /// <summary>Set on "ok": segment code (PBPU, PBI_APBN, ...).</summary>
    public const string ParticipantSegment = "participant_segment";

    /// <summary>Set on "ok": care class 1–3.</summary>
    public const string ParticipantClass = "participant_class";

    /// <summary>Set on "ok": "active" or "inactive".</summary>
    public const string ParticipantStatus = "participant_status";

    /// <summary>Set on "ok": "", "arrears" or "nik-mismatch".</summary>
    public const string ParticipantInactiveReason = "participant_inactive_reason";

    /// <summary>Set on "ok": "yyyy-MM" or "" when none.</summary>
    public const string ParticipantPaidThrough = "participant_paid_through";

    /// <summary>Set by load-status: the status answer (digits; the speech layer says the numbers).</summary>
    public const string StatusSentence = "status_sentence";

    /// <summary>Set by load-bill: the bill answer.</summary>
    public const string BillSentence = "bill_sentence";
}
