namespace VikaIvr.Server.Hosting.Operator;

/// <summary>A wrong PIN counted for one key: its wrong PINs in the window, and whether this one started a lockout.</summary>
public readonly record struct OperatorPinFailure(int Failures, bool LockStarted);
