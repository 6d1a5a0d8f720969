namespace VikaIvr.Sip.Transport;

/// <summary>A background thread of the SIP transport (receive, dispatch): its own, not the thread pool's.</summary>
internal static class SipThread
{
    /// <summary>Runs <paramref name="body"/> on a new background thread; the task ends when it returns.</summary>
    public static Task Start(string name, Action body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            finally
            {
                done.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }
}
