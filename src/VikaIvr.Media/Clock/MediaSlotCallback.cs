namespace VikaIvr.Media.Clock;

/// <summary>Invoked by a tick source for one shard and one slot of the period.</summary>
/// <param name="shard">Which pacer (thread) the slot belongs to.</param>
/// <param name="slot">The slot number since start; increasing for each shard; a real pacer skips slots without work and, after a long stall, old ones.</param>
/// <param name="scheduledTimestamp">When the slot was due, in the tick source's timestamp units.</param>
public delegate void MediaSlotCallback(int shard, long slot, long scheduledTimestamp);
