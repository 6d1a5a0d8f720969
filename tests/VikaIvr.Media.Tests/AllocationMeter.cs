namespace VikaIvr.Media.Tests;

/// <summary>
/// Measures what steady-state work allocates on the calling thread, the thread that does it.
/// The work runs in equal rounds and the least any round allocated is the answer: an allocation
/// the work itself makes shows in every round, while the runtime's one-off work that lands on
/// this thread now and then (a tier-up or on-stack replacement compiling a hot loop, a type's
/// first use) falls into one round at most. Other threads' allocations are never counted.
/// </summary>
internal static class AllocationMeter
{
    public static void AssertNone(Action round, int rounds = 4)
    {
        var allocated = new long[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round();
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.True(allocated.Min() == 0, $"allocated in every round (bytes per round: {string.Join(", ", allocated)})");
    }
}
