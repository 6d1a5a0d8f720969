using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Participants;

/// <summary>A JKN-KIS participant as the repository stores it. Nik, CardNumber and BirthDate are personal data.</summary>
public sealed record Participant
{
    public required string Nik { get; init; }
    public required string CardNumber { get; init; }
    public required string Name { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required Segment Segment { get; init; }

    /// <summary>Care class 1–3.</summary>
    public required int CareClass { get; init; }

    public required MembershipStatus Status { get; init; }
    public InactiveReason InactiveReason { get; init; }

    /// <summary>Last month whose contribution is paid; null where the participant pays nothing themselves (PBI, PPU).</summary>
    public YearMonth? PaidThrough { get; init; }

    /// <summary>Masked NIK, safe for logs and records.</summary>
    public string MaskedNik => PersonalData.Mask(Nik);

    // The generated record ToString would print the NIK, card and birth date in full.
    public override string ToString() =>
        $"Participant {MaskedNik} {SegmentCodes.Code(Segment)} class {CareClass} {Status}";
}
