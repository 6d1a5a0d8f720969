using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Flow;

/// <summary>"nik-or-card": exactly 16 digits forming a structurally valid NIK, or exactly 13 digits.</summary>
public sealed class NikOrCardValidator : IDigitValidator
{
    public const string ValidatorName = "nik-or-card";

    public string Name => ValidatorName;

    public bool IsValid(string digits, DateTimeOffset now) =>
        digits is not null && (Nik.IsValid(digits, JakartaTime.Today(now)) || KisCardNumber.IsValid(digits));
}
