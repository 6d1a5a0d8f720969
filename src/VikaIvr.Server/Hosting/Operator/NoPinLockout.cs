namespace VikaIvr.Server.Hosting.Operator;

/// <summary>
/// `vika simulate` and `vika flow validate`: the simulation PIN on a call that has no caller to
/// lock out and no transport source to log, so every try is compared and nothing is counted.
/// </summary>
public sealed class NoPinLockout : IOperatorPinGuard
{
    public static NoPinLockout Instance { get; } = new();

    private NoPinLockout()
    {
    }

    public bool Admits() => true;

    public void Failed()
    {
    }

    public void Passed()
    {
    }
}
