namespace VikaIvr.Media.Clock;

/// <summary>
/// Asked by a tick source before it sleeps: the first slot after <paramref name="afterSlot"/> at which
/// the shard may have a frame due, or <see cref="long.MaxValue"/> when the shard has no streams.
/// </summary>
public delegate long MediaWorkProbe(int shard, long afterSlot);
