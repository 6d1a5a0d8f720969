using System.Globalization;
using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Flow;

/// <summary>
/// Keeps the verified participant in the call's variables, so the actions stay stateless and
/// shared by all calls, and the answers need no second lookup.
/// </summary>
internal static class ParticipantVariables
{
    private static readonly string[] All =
    [
        JknVariables.ParticipantRef, JknVariables.ParticipantName, JknVariables.ParticipantSegment,
        JknVariables.ParticipantClass, JknVariables.ParticipantStatus, JknVariables.ParticipantInactiveReason,
        JknVariables.ParticipantPaidThrough,
    ];

    public static void Store(FlowVariables v, Participant p)
    {
        v.Set(JknVariables.ParticipantRef, PersonalData.Mask(p.Nik));
        v.Set(JknVariables.ParticipantName, p.Name, personal: true);
        v.Set(JknVariables.ParticipantSegment, SegmentCodes.Code(p.Segment));
        v.Set(JknVariables.ParticipantClass, p.CareClass.ToString(CultureInfo.InvariantCulture));
        v.Set(JknVariables.ParticipantStatus, p.Status == MembershipStatus.Active ? "active" : "inactive");
        v.Set(JknVariables.ParticipantInactiveReason, p.InactiveReason switch
        {
            InactiveReason.Arrears => "arrears",
            InactiveReason.NikMismatch => "nik-mismatch",
            _ => "",
        });
        v.Set(JknVariables.ParticipantPaidThrough, p.PaidThrough?.ToString() ?? "");
    }

    public static void Clear(FlowVariables v)
    {
        foreach (string name in All) v.Remove(name);
    }

    /// <summary>Reads back what <see cref="Store"/> wrote; false (with a reason) when nothing usable is there.</summary>
    public static bool TryLoad(FlowVariables v, out ParticipantSummary summary, out string problem)
    {
        summary = null!;
        string? name = v[JknVariables.ParticipantName];
        if (name is null || v[JknVariables.ParticipantRef] is null)
        {
            problem = "no verified participant in this call";
            return false;
        }

        if (!SegmentCodes.TryParse(v[JknVariables.ParticipantSegment], out var segment)
            || !int.TryParse(v[JknVariables.ParticipantClass], NumberStyles.None, CultureInfo.InvariantCulture, out int careClass)
            || careClass is < 1 or > 3)
        {
            problem = "participant variables are malformed";
            return false;
        }

        var status = v[JknVariables.ParticipantStatus] == "active" ? MembershipStatus.Active : MembershipStatus.Inactive;
        var reason = v[JknVariables.ParticipantInactiveReason] switch
        {
            "arrears" => InactiveReason.Arrears,
            "nik-mismatch" => InactiveReason.NikMismatch,
            _ => InactiveReason.None,
        };
        YearMonth? paidThrough = YearMonth.TryParse(v[JknVariables.ParticipantPaidThrough], out var ym) ? ym : null;

        summary = new ParticipantSummary(name, segment, careClass, status, reason, paidThrough);
        problem = "";
        return true;
    }
}
