using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Server.Hosting.Flows;
using VikaIvr.Server.Hosting.Operator;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// Picks the flow by the called number: the operator line runs the recording flow (its own
/// interpreter per call, see <see cref="OperatorLineFlow"/>), every other number the service
/// admitted runs the active revision of the main flow — read once per call, so a call keeps the
/// interpreter it started with while an activation changes the next one.
/// </summary>
public sealed class CallFlowRouter(ActiveFlowHolder main, OperatorLineFlow? operatorLine = null)
{
    /// <summary>A main flow that never changes (tests, `vika simulate`).</summary>
    public CallFlowRouter(FlowInterpreter main, OperatorLineFlow? operatorLine = null)
        : this(new ActiveFlowHolder(new ActiveFlow(0, "", "", main.Flow, main)), operatorLine)
    {
    }

    public FlowInterpreter Select(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return operatorLine is not null && operatorLine.Serves(call.Called) ? operatorLine.For(call) : main.Current.Interpreter;
    }
}
