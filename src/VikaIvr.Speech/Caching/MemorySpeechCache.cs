using VikaIvr.Flows.Ports;

namespace VikaIvr.Speech.Caching;

/// <summary>
/// A bounded least-recently-used cache of synthesized clips, limited by the total number of
/// samples held so that a few long sentences cannot push the process out of memory. Holding the
/// clip (not only its samples) lets every call that says the same words play the same instance,
/// so the media layer encodes it once and the calls share its frames.
/// </summary>
public sealed class MemorySpeechCache
{
    private readonly long _maxSamples;
    private readonly Dictionary<string, LinkedListNode<(string Key, AudioClip Clip)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, AudioClip Clip)> _order = new();
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

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AudioClip? clip)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                clip = node.Value.Clip;
                return true;
            }
        }

        clip = null;
        return false;
    }

    /// <summary>Adds or replaces an entry; entries larger than the whole cache are not kept.</summary>
    public void Set(string key, AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Samples.Length > _maxSamples) return;
        lock (_lock)
        {
            if (_map.Remove(key, out var old))
            {
                _order.Remove(old);
                _samples -= old.Value.Clip.Samples.Length;
            }

            _map[key] = _order.AddFirst((key, clip));
            _samples += clip.Samples.Length;
            while (_samples > _maxSamples && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                _samples -= last.Value.Clip.Samples.Length;
            }
        }
    }
}
