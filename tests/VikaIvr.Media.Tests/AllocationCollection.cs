namespace VikaIvr.Media.Tests;

/// <summary>
/// Allocation tests run alone, after the parallel ones: no other test competes for the cores,
/// so socket and thread-pool slow paths (which allocate) are not taken on the measured thread.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation";
}
