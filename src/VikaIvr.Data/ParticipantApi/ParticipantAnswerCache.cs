using Microsoft.Extensions.Caching.Memory;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// Recent answers of the participant service — found and not found alike — kept for
/// <see cref="ParticipantApiOptions.CacheDuration"/> and at most
/// <see cref="ParticipantApiOptions.CacheCapacity"/> of them (MemoryCache with a size limit:
/// past it a new answer is not kept and the cache compacts itself in the background). Failures
/// are never cached: the next caller asks again. Thread-safe; expiry follows the injected clock.
/// </summary>
public sealed class ParticipantAnswerCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly TimeSpan _duration;

    public ParticipantAnswerCache(ParticipantApiOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _duration = options.CacheDuration;
        if (_duration > TimeSpan.Zero)
        {
            _cache = new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = options.CacheCapacity,
                Clock = new TimeProviderClock(clock),
            });
        }
    }

    /// <summary>True when an answer is cached; <paramref name="participant"/> is null for a cached "not found".</summary>
    public bool TryGet(ParticipantKey key, out Participant? participant)
    {
        participant = null;
        if (_cache is null || !_cache.TryGetValue(key, out Answer? answer) || answer is null) return false;
        participant = answer.Participant;
        return true;
    }

    public void Set(ParticipantKey key, Participant? participant)
    {
        if (_cache is null) return;
        using var entry = _cache.CreateEntry(key);
        entry.Value = new Answer(participant);
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = _duration;
    }

    public void Dispose() => _cache?.Dispose();

    // A wrapper, so a cached "not found" (null) differs from a miss.
    private sealed record Answer(Participant? Participant);

#pragma warning disable CS0618 // MemoryCacheOptions.Clock takes the older clock interface; this adapts the injected TimeProvider.
    private sealed class TimeProviderClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
