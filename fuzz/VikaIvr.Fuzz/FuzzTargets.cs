using VikaIvr.Fuzz.Targets;

namespace VikaIvr.Fuzz;

/// <summary>Every target, by the name scripts/fuzz.sh and the corpus folders (fuzz/corpus/NAME) use.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new SipTarget(),
        new SdpTarget(),
        new RtpTarget(),
        new RtcpTarget(),
        new Rfc4733Target(),
        new WavTarget(),
        new FlowYamlTarget(),
        new CallScriptTarget(),
    ];

    public static IFuzzTarget? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
