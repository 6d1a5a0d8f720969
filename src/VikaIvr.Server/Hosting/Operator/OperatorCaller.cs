using System.Net;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Hosting.Operator;

/// <summary>Who tries the operator PIN: the calling number (From user) and the transport source (null on a simulated call).</summary>
public sealed record OperatorCaller(string Number, IPEndPoint? Source)
{
    public static OperatorCaller Of(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new OperatorCaller(call.Caller, call.RemoteSource);
    }
}
