using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Server.Hosting;

/// <summary>Runs the call flow the called number selects on each answered call.</summary>
public sealed class FlowCallApplication(CallFlowRouter router) : ICallApplication
{
    public FlowCallApplication(FlowInterpreter interpreter) : this(new CallFlowRouter(interpreter)) { }

    /// <summary>An accepted transfer ends the flow's part; the IVR leaves the call (RFC 5589), hung up by the flow's own run.</summary>
    public Task RunAsync(ICall call, CallRecord record, CancellationToken ct) =>
        router.Select(call).RunAsync(call, record, leaveCall: true, ct);
}
