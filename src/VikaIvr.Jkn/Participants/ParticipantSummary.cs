using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Participants;

/// <summary>What the answers need of a verified participant: no NIK, card number or birth date.</summary>
public sealed record ParticipantSummary(
    string Name,
    Segment Segment,
    int CareClass,
    MembershipStatus Status,
    InactiveReason InactiveReason,
    YearMonth? PaidThrough)
{
    public static ParticipantSummary Of(Participant p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ParticipantSummary(p.Name, p.Segment, p.CareClass, p.Status, p.InactiveReason, p.PaidThrough);
    }
}
