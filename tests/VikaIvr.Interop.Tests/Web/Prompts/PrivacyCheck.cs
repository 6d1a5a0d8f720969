using System.Text.RegularExpressions;

namespace VikaIvr.Interop.Tests.Web.Prompts;

/// <summary>
/// No page or answer shows a full NIK or card number (16 or 13 digits in a row, as the demo data's) or
/// a birth date of the demo participants (issue 12, must-show 2). Antiforgery tokens are left out: they
/// are random text, not data.
/// </summary>
public static partial class PrivacyCheck
{
    private static readonly string[] DemoBirthDates = ["17081985", "17-08-1985", "1985-08-17"];

    public static void AssertClean(IEnumerable<(string Path, string Body)> visited)
    {
        foreach (var (path, body) in visited)
        {
            string text = TokenPattern().Replace(body, "");
            var digits = DigitRunPattern().Match(text);
            Assert.False(digits.Success, $"{path} shows a run of {digits.Length} digits: {digits.Value}");
            foreach (var date in DemoBirthDates)
                Assert.DoesNotContain(date, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("(?<![0-9])[0-9]{13,16}(?![0-9])")]
    private static partial Regex DigitRunPattern();
}
