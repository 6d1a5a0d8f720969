namespace VikaIvr.Speech.Caching;

/// <summary>
/// A bounded least-recently-used cache of synthesized audio, limited by the total number of
/// samples held so that a few long sentences cannot push the process out of memory.
/// </summary>
public sealed class MemorySpeechCache
{
    private readonly long _maxSamples;
    private readonly Dictionary<string, LinkedListNode<(string Key, short[] Samples)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, short[] Samples)> _order = new();
    private readonly Lock _lock = new();
    private long _samples;

    /// <param name="maxSamples">Upper bound of samples held (8000 per second of audio).</param>
    public MemorySpeechCache(long maxSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSamples);
        _maxSamples = maxSamples;
    }

    public int Count
    {
        get { lock (_lock) return _map.Count; }
    }

    public long SampleCount
    {
        get { lock (_lock) return _samples; }
    }

    public bool TryGet(string key, out short[] samples)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                samples = node.Value.Samples;
                return true;
            }
        }

        samples = [];
        return false;
    }

    /// <summary>Adds or replaces an entry; entries larger than the whole cache are not kept.</summary>
    public void Set(string key, short[] samples)
    {
        if (samples.Length > _maxSamples) return;
        lock (_lock)
        {
            if (_map.Remove(key, out var old))
            {
                _order.Remove(old);
                _samples -= old.Value.Samples.Length;
            }

            _map[key] = _order.AddFirst((key, samples));
            _samples += samples.Length;
            while (_samples > _maxSamples && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                _samples -= last.Value.Samples.Length;
            }
        }
    }
}
