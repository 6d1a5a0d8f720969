namespace VikaIvr.Interop.Tests.Harness;

/// <summary>Interop tests run one at a time: servers and clients would otherwise fight over CPU and timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InteropCollection
{
    public const string Name = "Interop";
}
