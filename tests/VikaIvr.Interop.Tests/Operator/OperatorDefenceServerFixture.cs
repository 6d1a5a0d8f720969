using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>
/// The operator line open (PIN <see cref="OperatorServerFixture.Pin"/>) to 127.0.0.1 only
/// (Operator:AllowFrom), locking a caller out after <see cref="MaxPinFailures"/> wrong PINs.
/// </summary>
public sealed class OperatorDefenceServerFixture : OperatorServerFixture
{
    public const int MaxPinFailures = 3;
    public const string AllowedSource = "127.0.0.1";

    protected override ServerOptions Options => base.Options with
    {
        Environment = new Dictionary<string, string>
        {
            ["VIKA_Operator__AllowFrom__0"] = AllowedSource + "/32",
            ["VIKA_Operator__MaxPinFailures"] = MaxPinFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
