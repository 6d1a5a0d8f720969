using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting.Operator;

/// <summary>
/// The recording flow as `serve` runs it on the operator number: one interpreter per call (cheap:
/// the flow is loaded and checked once), so its check-pin counts the tries of that call's caller
/// number and transport source in the node's <see cref="OperatorPinDefence"/>.
/// </summary>
public sealed class OperatorLineFlow(
    OperatorLine line, FlowDefinition flow, FlowRuntime runtime, IPromptRecorder recorder, OperatorPinDefence defence, ILogger<FlowInterpreter> logger)
{
    public OperatorLine Line => line;

    public bool Serves(string called) => line.IsOpen && string.Equals(called, line.Number, StringComparison.Ordinal);

    /// <summary>The recording flow for <paramref name="call"/>.</summary>
    public FlowInterpreter For(ICall call)
    {
        var components = RecordingFlowActions.Create(line, recorder, defence.For(OperatorCaller.Of(call)));
        return new FlowInterpreter(flow, runtime with { Components = components }, logger);
    }
}
