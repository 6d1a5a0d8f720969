namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// The active flow, swapped whole: a new call reads <see cref="Current"/> once and keeps that
/// interpreter to its end, so an activation changes the next call, never one in progress.
/// </summary>
public sealed class ActiveFlowHolder(ActiveFlow first)
{
    private ActiveFlow _current = first ?? throw new ArgumentNullException(nameof(first));

    public ActiveFlow Current => Volatile.Read(ref _current);

    /// <summary>Puts <paramref name="next"/> in place; returns the one it replaced.</summary>
    public ActiveFlow Swap(ActiveFlow next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
