using System.Text;
using VikaIvr.Flows.Loading;

namespace VikaIvr.Fuzz.Targets;

/// <summary>A flow file's text: every problem comes back as a FlowError list, nothing throws.</summary>
internal sealed class FlowYamlTarget : IFuzzTarget
{
    public string Name => "flow-yaml";

    public string Covers => "FlowLoader.TryParse (YAML tree, flow reader, validator)";

    public void Run(ReadOnlySpan<byte> input)
    {
        var (flow, errors) = FlowLoader.TryParse(Encoding.UTF8.GetString(input), "fuzz.yaml");
        if (flow is null && errors.Count == 0)
        {
            throw new FuzzInvariantException("refused a flow without saying why");
        }
    }
}
