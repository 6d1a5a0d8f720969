using System.Net;

namespace VikaIvr.Sip.Admission;

/// <summary>
/// Requests per source address per second, with a ban for a source over the limit (in the spirit
/// of Kamailio's pike). The table is a fixed array probed from the address's hash: a full
/// neighbourhood gives its least recently seen unbanned entry to a new source, so a scanner
/// rotating addresses costs slots, never memory. Counting allocates nothing.
/// </summary>
public sealed class SipSourceLimiter
{
    private const int Probe = 8;
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _limit;
    private readonly long _window;
    private readonly long _ban;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public SipSourceLimiter(int requestsPerSecond, TimeSpan ban, int tableSize, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(tableSize, Probe);
        _limit = requestsPerSecond;
        _time = time;
        _window = time.TimestampFrequency;
        _ban = (long)(ban.TotalSeconds * time.TimestampFrequency);
        _slots = new Slot[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)tableSize)];
        _mask = _slots.Length - 1;
    }

    /// <summary>Sources the table can hold.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Counts one request of <paramref name="source"/>; zero when it may go on, else how long its ban still runs.</summary>
    public TimeSpan Count(IPAddress source) => Count(source, 1);

    /// <summary>Counts <paramref name="requests"/> requests (a penalty, e.g. for a 2xx never acknowledged); the ban left, or zero.</summary>
    public TimeSpan Count(IPAddress source, int requests) => Count(source, requests, out _);

    /// <summary>
    /// Counts <paramref name="requests"/> requests; the ban left, or zero. <paramref name="banStarted"/>
    /// is true only for the count that started the ban, so its caller can act once per ban.
    /// </summary>
    public TimeSpan Count(IPAddress source, int requests, out bool banStarted)
    {
        ArgumentNullException.ThrowIfNull(source);
        banStarted = false;
        if (_limit == 0)
        {
            return TimeSpan.Zero;
        }

        long now = _time.GetTimestamp();
        lock (_lock)
        {
            ref var slot = ref Find(source, now);
            if (slot.BannedUntil > now)
            {
                return Remaining(slot.BannedUntil - now);
            }

            if (now - slot.WindowStart >= _window)
            {
                slot.WindowStart = now;
                slot.Count = 0;
            }

            slot.Count += requests;
            slot.LastSeen = now;
            if (slot.Count <= _limit)
            {
                return TimeSpan.Zero;
            }

            // The ban is not extended by requests during it: it ends on time, and the next second is counted afresh.
            slot.BannedUntil = now + _ban;
            slot.Count = 0;
            banStarted = true;
            return Remaining(_ban);
        }
    }

    /// <summary>The ban left for <paramref name="source"/> without counting anything (zero when none).</summary>
    public TimeSpan BanLeft(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_limit == 0)
        {
            return TimeSpan.Zero;
        }

        long now = _time.GetTimestamp();
        lock (_lock)
        {
            int start = Hash(source);
            for (int i = 0; i < Probe; i++)
            {
                ref var slot = ref _slots[(start + i) & _mask];
                if (source.Equals(slot.Address))
                {
                    return slot.BannedUntil > now ? Remaining(slot.BannedUntil - now) : TimeSpan.Zero;
                }
            }
        }

        return TimeSpan.Zero;
    }

    private ref Slot Find(IPAddress source, long now)
    {
        int start = Hash(source);
        int empty = -1;
        int victim = -1;
        for (int i = 0; i < Probe; i++)
        {
            int index = (start + i) & _mask;
            ref var slot = ref _slots[index];
            if (slot.Address is null)
            {
                empty = empty < 0 ? index : empty;
                continue;
            }

            if (source.Equals(slot.Address))
            {
                return ref slot;
            }

            if (victim < 0 || Older(ref slot, ref _slots[victim], now))
            {
                victim = index;
            }
        }

        ref var claimed = ref _slots[empty >= 0 ? empty : victim];
        claimed = new Slot { Address = source, WindowStart = now, LastSeen = now };
        return ref claimed;
    }

    /// <summary>Unbanned entries go before banned ones, then the least recently seen: a live ban is the last thing given up.</summary>
    private static bool Older(ref Slot candidate, ref Slot current, long now)
    {
        bool candidateBanned = candidate.BannedUntil > now;
        bool currentBanned = current.BannedUntil > now;
        if (candidateBanned != currentBanned)
        {
            return !candidateBanned;
        }

        return candidate.LastSeen < current.LastSeen;
    }

    private int Hash(IPAddress source) => (int)(((uint)source.GetHashCode() * 0x9E3779B1u) >> 7) & _mask;

    private TimeSpan Remaining(long ticks) => TimeSpan.FromSeconds((double)ticks / _time.TimestampFrequency);

    private struct Slot
    {
        public IPAddress? Address;
        public long WindowStart;
        public long LastSeen;
        public long BannedUntil;
        public int Count;
    }
}
