namespace VikaIvr.Sip.Admission;

/// <summary>
/// Whether this node takes calls now, read on every OPTIONS (so a dispatcher probing with OPTIONS
/// stops sending when it is false). Must be cheap: a field read, never a check run on the spot.
/// </summary>
public interface ISipReadiness
{
    bool Ready { get; }
}
