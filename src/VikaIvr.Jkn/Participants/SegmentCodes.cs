namespace VikaIvr.Jkn.Participants;

/// <summary>Storage codes, spoken names (VIKA.md) and who pays, per segment.</summary>
public static class SegmentCodes
{
    public static string Code(Segment segment) => segment switch
    {
        Segment.PbiApbn => "PBI_APBN",
        Segment.PbiApbd => "PBI_APBD",
        Segment.PpuPn => "PPU_PN",
        Segment.PpuBu => "PPU_BU",
        Segment.Pbpu => "PBPU",
        Segment.Bp => "BP",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
    };

    public static bool TryParse(string? code, out Segment segment)
    {
        switch (code)
        {
            case "PBI_APBN": segment = Segment.PbiApbn; return true;
            case "PBI_APBD": segment = Segment.PbiApbd; return true;
            case "PPU_PN": segment = Segment.PpuPn; return true;
            case "PPU_BU": segment = Segment.PpuBu; return true;
            case "PBPU": segment = Segment.Pbpu; return true;
            case "BP": segment = Segment.Bp; return true;
            default: segment = default; return false;
        }
    }

    public static Segment Parse(string code) =>
        TryParse(code, out var s) ? s : throw new FormatException($"Unknown segment code '{code}'.");

    public static string SpokenName(Segment segment) => segment switch
    {
        Segment.PbiApbn => "Penerima Bantuan Iuran APBN",
        Segment.PbiApbd => "Penerima Bantuan Iuran APBD",
        Segment.PpuPn => "Pekerja Penerima Upah Penyelenggara Negara",
        Segment.PpuBu => "Pekerja Penerima Upah Badan Usaha",
        Segment.Pbpu => "Pekerja Bukan Penerima Upah atau Mandiri",
        Segment.Bp => "Bukan Pekerja",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, null),
    };

    /// <summary>PBI: the government pays.</summary>
    public static bool IsGovernmentPaid(Segment segment) => segment is Segment.PbiApbn or Segment.PbiApbd;

    /// <summary>PPU: the employer pays.</summary>
    public static bool IsEmployerPaid(Segment segment) => segment is Segment.PpuPn or Segment.PpuBu;

    /// <summary>PBPU and BP pay their own contribution, so only they can have a bill or arrears.</summary>
    public static bool PaysOwnContribution(Segment segment) => segment is Segment.Pbpu or Segment.Bp;
}
