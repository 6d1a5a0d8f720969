using System.Globalization;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Participants;

/// <summary>How participant fields are written to and read from their columns.</summary>
internal static class ParticipantColumns
{
    public const string Select = """
        SELECT nik AS Nik, card AS Card, name AS Name, birth_date AS BirthDate, segment AS Segment,
               care_class AS CareClass, status AS Status, inactive_reason AS InactiveReason, paid_through AS PaidThrough
        FROM participants
        """;

    public const string Insert = """
        INSERT INTO participants (nik, card, name, birth_date, segment, care_class, status, inactive_reason, paid_through, origin)
        VALUES (@nik, @card, @name, @birth_date, @segment, @care_class, @status, @inactive_reason, @paid_through, @origin)
        """;

    public static string BirthDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Status(MembershipStatus status) => status == MembershipStatus.Active ? "active" : "inactive";

    public static string? Reason(InactiveReason reason) => reason switch
    {
        InactiveReason.Arrears => "arrears",
        InactiveReason.NikMismatch => "nik-mismatch",
        _ => null,
    };

    public static Participant ToParticipant(ParticipantRow row) => new()
    {
        Nik = row.Nik,
        CardNumber = row.Card,
        Name = row.Name,
        BirthDate = DateOnly.ParseExact(row.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Segment = SegmentCodes.Parse(row.Segment),
        CareClass = (int)row.CareClass,
        Status = row.Status == "active" ? MembershipStatus.Active : MembershipStatus.Inactive,
        InactiveReason = row.InactiveReason switch
        {
            "arrears" => InactiveReason.Arrears,
            "nik-mismatch" => InactiveReason.NikMismatch,
            _ => InactiveReason.None,
        },
        PaidThrough = row.PaidThrough is null ? null : YearMonth.Parse(row.PaidThrough),
    };
}
