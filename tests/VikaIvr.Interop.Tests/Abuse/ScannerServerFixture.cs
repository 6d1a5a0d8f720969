using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// One `vika serve` for the scanner probe: the shipped edge defaults (the scanner deny-list among
/// them) and the operator line open on 16599 to <see cref="OperatorSource"/> only.
/// </summary>
public sealed class ScannerServerFixture : ServerFixture
{
    /// <summary>The one source Operator:AllowFrom names; the scanner is outside it.</summary>
    public const string OperatorSource = "127.0.0.9";

    public const string OperatorNumber = "16599";

    protected override ServerOptions Options => new()
    {
        Environment = new Dictionary<string, string>
        {
            ["VIKA_Server__DrainSeconds"] = "0",
            ["VIKA_Operator__Number"] = OperatorNumber,
            ["VIKA_Operator__Pin"] = "246813",
            ["VIKA_Operator__AllowFrom__0"] = OperatorSource + "/32",
        },
    };
}
