namespace VikaIvr.Flows.Ports;

/// <summary>A named domain action a flow can run (verify-participant, load-status, load-bill, ...).</summary>
public interface IFlowAction
{
    string Name { get; }

    /// <summary>Runs the action on the call's variables. Returns an outcome name the flow
    /// branches on ("ok", "not-verified", "failed", ...). Throwing counts as "failed".</summary>
    Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct);
}
