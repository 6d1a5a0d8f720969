namespace VikaIvr.Flows.Model;

/// <summary>Ends the call from the IVR side.</summary>
public sealed class HangupNode : FlowNode
{
    public override string Kind => "hangup";
    public override IEnumerable<FlowRef> Targets() => [];
}
