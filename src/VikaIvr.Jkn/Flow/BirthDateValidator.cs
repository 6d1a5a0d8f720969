using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Flow;

/// <summary>"birth-date": DDMMYYYY, a real calendar date not in the future (Jakarta time).</summary>
public sealed class BirthDateValidator : IDigitValidator
{
    public const string ValidatorName = "birth-date";

    public string Name => ValidatorName;

    public bool IsValid(string digits, DateTimeOffset now) =>
        digits is not null && BirthDateEntry.IsValid(digits, JakartaTime.Today(now));
}
