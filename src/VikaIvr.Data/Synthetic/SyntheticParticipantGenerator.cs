using System.Globalization;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Synthetic;

/// <summary>
/// Makes synthetic participants for load tests. Each NIK is structurally valid and unique: the
/// participant's index is encoded in the region codes and serial (serials 1000–9999, so never
/// a demo NIK, whose serials are 0001–0006); card numbers are 1 followed by the index (demo
/// cards start with 0). The rest is pseudo-random from <paramref name="seed"/>, so a run is repeatable.
/// </summary>
public sealed class SyntheticParticipantGenerator(int seed = 165)
{
    private const int SerialBase = 1000;
    private const int Serials = 9000;
    private const int Codes = 99;
    private const int FirstProvince = 11;
    private const long CardBase = 1_000_000_000_000;

    /// <summary>Most indexes the NIK encoding can tell apart (provinces 11–99).</summary>
    public const long Capacity = (long)Serials * Codes * Codes * (99 - FirstProvince + 1);

    private static readonly string[] FirstNames =
    [
        "Adi", "Ahmad", "Andi", "Ani", "Bambang", "Budi", "Citra", "Dedi", "Dewi", "Dian", "Eka", "Fajar",
        "Fitri", "Gita", "Hadi", "Hendra", "Indah", "Joko", "Kartika", "Lestari", "Made", "Nur", "Putri",
        "Rahmat", "Rina", "Rudi", "Sari", "Siti", "Teguh", "Wayan", "Wulan", "Yanti", "Yusuf",
    ];

    private static readonly string[] LastNames =
    [
        "Pratama", "Saputra", "Wijaya", "Santoso", "Hidayat", "Kurniawan", "Setiawan", "Lestari", "Rahmawati",
        "Nugroho", "Siregar", "Nasution", "Simanjuntak", "Gunawan", "Susanto", "Hasibuan", "Wibowo", "Permana",
    ];

    /// <param name="startIndex">First index; continue from the number already generated so repeated seeding never collides.</param>
    /// <param name="today">Jakarta date the data is made for: birth dates lie within the last 95 years, paid-through months around its month.</param>
    public IEnumerable<Participant> Generate(long startIndex, int count, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (startIndex + count > Capacity) throw new ArgumentOutOfRangeException(nameof(count), "Beyond the NIK encoding's capacity.");
        return GenerateCore(startIndex, count, today);
    }

    private IEnumerable<Participant> GenerateCore(long startIndex, int count, DateOnly today)
    {
        var random = new Random(unchecked(seed + (int)startIndex));
        var currentMonth = YearMonth.FromDate(today);
        var oldest = today.AddYears(-95).AddDays(1);
        int span = today.DayNumber - oldest.DayNumber;
        for (long i = startIndex; i < startIndex + count; i++)
        {
            bool female = random.Next(2) == 0;
            var birth = DateOnly.FromDayNumber(oldest.DayNumber + random.Next(span + 1));
            var segment = PickSegment(random);
            int careClass = SegmentCodes.IsGovernmentPaid(segment) ? 3 : random.Next(1, 4);

            YearMonth? paidThrough = null;
            var status = MembershipStatus.Active;
            var reason = InactiveReason.None;
            if (SegmentCodes.PaysOwnContribution(segment))
            {
                // Most are paid up; the rest spread over 0–36 months of arrears, beyond the 24-month cap.
                int behind = random.Next(10) < 6 ? 0 : random.Next(1, 38);
                paidThrough = currentMonth.AddMonths(-behind);
                if (behind > 1)
                {
                    status = MembershipStatus.Inactive;
                    reason = InactiveReason.Arrears;
                }
            }
            if (status == MembershipStatus.Active && random.Next(50) == 0)
            {
                status = MembershipStatus.Inactive;
                reason = InactiveReason.NikMismatch;
            }

            yield return new Participant
            {
                Nik = NikFor(i, birth, female),
                CardNumber = (CardBase + i).ToString(CultureInfo.InvariantCulture),
                Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                BirthDate = birth,
                Segment = segment,
                CareClass = careClass,
                Status = status,
                InactiveReason = reason,
                PaidThrough = paidThrough,
            };
        }
    }

    /// <summary>PPKKCCDDMMYYSSSS with PP, KK, CC and SSSS encoding <paramref name="index"/>.</summary>
    public static string NikFor(long index, DateOnly birth, bool female)
    {
        int serial = SerialBase + (int)(index % Serials);
        long rest = index / Serials;
        int district = (int)(rest % Codes) + 1;
        rest /= Codes;
        int regency = (int)(rest % Codes) + 1;
        int province = FirstProvince + (int)(rest / Codes);
        int day = birth.Day + (female ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"{province:D2}{regency:D2}{district:D2}{day:D2}{birth.Month:D2}{birth.Year % 100:D2}{serial:D4}");
    }

    private static Segment PickSegment(Random random) => random.Next(100) switch
    {
        < 30 => Segment.PbiApbn,
        < 40 => Segment.PbiApbd,
        < 50 => Segment.PpuPn,
        < 70 => Segment.PpuBu,
        < 90 => Segment.Pbpu,
        _ => Segment.Bp,
    };
}
