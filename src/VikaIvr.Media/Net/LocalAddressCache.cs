using System.Collections.Concurrent;
using System.Net;

namespace VikaIvr.Media.Net;

/// <summary>
/// <see cref="LocalAddressFinder"/> remembered per remote address for a while. With no media address
/// configured (Sip:Bind on every address, no Media:PublicAddress) each answered call needs the local
/// address the kernel uses towards its caller, and asking opens and connects a socket; a trunk's calls
/// come from a few addresses. An entry is asked again after <see cref="MaxAge"/> (a route or an
/// address that changed is seen then); at most <see cref="Capacity"/> remote addresses are kept (one
/// more starts the table over).
/// </summary>
public sealed class LocalAddressCache(TimeProvider time)
{
    public const int Capacity = 1024;

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<IPAddress, Entry> _entries = new();

    public IPAddress Find(IPAddress remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (IPAddress.IsLoopback(remote))
        {
            return remote;
        }

        long now = time.GetTimestamp();
        if (_entries.TryGetValue(remote, out var known) && time.GetElapsedTime(known.At, now) < MaxAge)
        {
            return known.Local;
        }

        var local = LocalAddressFinder.Find(remote);
        if (_entries.Count >= Capacity && !_entries.ContainsKey(remote))
        {
            _entries.Clear();
        }

        _entries[remote] = new Entry(local, now);
        return local;
    }

    private readonly record struct Entry(IPAddress Local, long At);
}
