namespace VikaIvr.Flows.Digits;

/// <summary>
/// Told of each key a <see cref="DigitQueue"/> accepts, on the poster's thread, outside the queue's
/// lock (a call's barge-in). One listener a queue: an interface, not an event, so a call subscribes
/// once, with no delegate or closure for each prompt.
/// </summary>
public interface IDigitListener
{
    /// <summary>
    /// <paramref name="number"/> counts the queue's accepted keys from 1, given inside the lock: a
    /// prompt that noted <see cref="DigitQueue.AcceptedCount"/> when it was queued can tell a key
    /// accepted before it (however late this call comes) from one pressed while it played.
    /// </summary>
    void OnDigitAccepted(char digit, long number);
}
