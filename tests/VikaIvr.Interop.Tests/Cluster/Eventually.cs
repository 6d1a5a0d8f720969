namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>Polls a condition until it holds or a generous deadline passes (waiting for the event, not sleeping for it).</summary>
public static class Eventually
{
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
