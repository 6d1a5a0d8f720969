namespace VikaIvr.Flows.Model;

/// <summary>Counts one action outcome per call; the <see cref="Max"/>th time goes to <see cref="OnExceeded"/>
/// instead of the outcome's usual branch.</summary>
public sealed record ActionLimit(string Outcome, string Counter, int Max, FlowRef OnExceeded);
