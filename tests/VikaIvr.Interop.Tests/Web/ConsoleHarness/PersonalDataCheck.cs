using VikaIvr.Interop.Tests.Vika;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>
/// No console page or answer may hold a demo participant's NIK, card number or birth date in full
/// (VIKA.md, Privacy). Birth dates are looked for in the forms a page could print them:
/// yyyy-MM-dd, ddMMyyyy (as keyed), dd-MM-yyyy and dd/MM/yyyy.
/// </summary>
public static class PersonalDataCheck
{
    /// <summary>Every string that must never appear, with what it is (for the failure message).</summary>
    public static IReadOnlyList<(string Secret, string What)> Secrets { get; } = [.. DemoParticipant.All.SelectMany(Of)];

    /// <summary>Fails when <paramref name="text"/> (a page's HTML, a JSON answer) holds any of them.</summary>
    public static void AssertNoPersonalData(string text, string where = "the page")
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (secret, what) in Secrets)
        {
            int at = text.IndexOf(secret, StringComparison.Ordinal);
            if (at >= 0)
            {
                int from = Math.Max(0, at - 80);
                string around = text.Substring(from, Math.Min(text.Length - from, secret.Length + 160));
                Assert.Fail($"{where} holds personal data in full ({what}) at {at}: …{around}…");
            }
        }
    }

    private static IEnumerable<(string, string)> Of(DemoParticipant p)
    {
        // BirthDate is ddMMyyyy, as keyed on the phone.
        string dd = p.BirthDate[..2], mm = p.BirthDate[2..4], yyyy = p.BirthDate[4..];
        yield return (p.Nik, $"{p.Key}'s NIK");
        yield return (p.Card, $"{p.Key}'s card number");
        yield return (p.BirthDate, $"{p.Key}'s birth date ddMMyyyy");
        yield return ($"{yyyy}-{mm}-{dd}", $"{p.Key}'s birth date yyyy-MM-dd");
        yield return ($"{dd}-{mm}-{yyyy}", $"{p.Key}'s birth date dd-MM-yyyy");
        yield return ($"{dd}/{mm}/{yyyy}", $"{p.Key}'s birth date dd/MM/yyyy");
    }
}
