namespace VikaIvr.Interop.Tests.Vika;

/// <summary>One of VIKA.md's six demo participants: what a caller types to identify them.</summary>
public sealed record DemoParticipant(string Key, string Nik, string Card, string BirthDate)
{
    public static IReadOnlyList<DemoParticipant> All { get; } =
    [
        new("budi", "3171011708850001", "0001234567890", "17081985"),
        new("siti", "3273054503920002", "0002345678901", "05031992"),
        new("agus", "3578101201800003", "0003456789012", "12011980"),
        new("ni-made", "5103066107750004", "0004567890123", "21071975"),
        new("hendra", "6171030309600005", "0005678901234", "03091960"),
        new("dewi", "7371114402880006", "0006789012345", "04021988"),
    ];

    public static DemoParticipant Get(string key) =>
        All.FirstOrDefault(p => p.Key == key) ?? throw new ArgumentException("no demo participant " + key, nameof(key));

    /// <summary>
    /// The number as keyed: 16 NIK digits complete the entry alone (a '#' after them would be
    /// absorbed and make the next prompt unskippable), 13 card digits need the '#'.
    /// </summary>
    public string IdKeys(bool byCard) => byCard ? Card + "#" : Nik;

    /// <summary>Personal data that must never appear in full in a call record.</summary>
    public IEnumerable<string> PersonalData => [Nik, Card, BirthDate];
}
