using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting;

/// <summary>Picks the flow by the called number: the operator line runs the recording flow, every
/// other number the service admitted runs the main flow.</summary>
public sealed class CallFlowRouter(FlowInterpreter main, string? operatorNumber = null, FlowInterpreter? recording = null)
{
    public FlowInterpreter Select(string called) =>
        recording is not null && operatorNumber is { Length: > 0 } && string.Equals(called, operatorNumber, StringComparison.Ordinal)
            ? recording
            : main;
}
