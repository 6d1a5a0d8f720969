using System.Globalization;
using VikaIvr.Jkn.Billing;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Sentences;

/// <summary>
/// The status answer worded as VIKA.md section 6, numbers as digits (the speech layer turns
/// them into Indonesian words).
/// </summary>
public static class StatusSentence
{
    public static string For(Participant participant, YearMonth currentMonth) =>
        For(ParticipantSummary.Of(participant), currentMonth);

    public static string For(ParticipantSummary participant, YearMonth currentMonth)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var inv = CultureInfo.InvariantCulture;
        string head = string.Create(inv,
            $"Peserta atas nama {participant.Name}, segmen {SegmentCodes.SpokenName(participant.Segment)}, kelas {participant.CareClass}, status kepesertaan ");

        if (participant.Status == MembershipStatus.Active) return head + "aktif.";

        return participant.InactiveReason switch
        {
            InactiveReason.Arrears => string.Create(inv,
                $"{head}tidak aktif karena terdapat tunggakan iuran selama {BillCalculator.ArrearsMonths(participant.PaidThrough, currentMonth)} bulan."),
            InactiveReason.NikMismatch => head + "tidak aktif karena data NIK belum sesuai. Silakan lakukan registrasi ulang.",
            _ => head + "tidak aktif.",
        };
    }
}
