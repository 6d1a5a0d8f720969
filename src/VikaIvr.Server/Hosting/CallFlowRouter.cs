using VikaIvr.Flows.Runtime;
using VikaIvr.Server.Hosting.Flows;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// Picks the flow by the called number: the operator line runs the recording flow, every other
/// number the service admitted runs the active revision of the main flow — read once per call, so a
/// call keeps the interpreter it started with while an activation changes the next one.
/// </summary>
public sealed class CallFlowRouter(ActiveFlowHolder main, string? operatorNumber = null, FlowInterpreter? recording = null)
{
    /// <summary>A main flow that never changes (tests, `vika simulate`).</summary>
    public CallFlowRouter(FlowInterpreter main, string? operatorNumber = null, FlowInterpreter? recording = null)
        : this(new ActiveFlowHolder(new ActiveFlow(0, "", "", main.Flow, main)), operatorNumber, recording)
    {
    }

    public FlowInterpreter Select(string called) =>
        recording is not null && operatorNumber is { Length: > 0 } && string.Equals(called, operatorNumber, StringComparison.Ordinal)
            ? recording
            : main.Current.Interpreter;
}
