using System.Net;
using System.Runtime.InteropServices;

namespace VikaIvr.Media.Net;

/// <summary>
/// One pacer thread's outgoing datagrams of a slot, sent with one <c>sendmmsg</c> per socket
/// instead of one <c>sendto</c> each: the frames due together that leave through the same (shared)
/// socket cost one system call. Each datagram is copied into a pinned slab, so a session's send
/// buffer is free again at once; <see cref="Add"/> sends what is held first when the socket changes
/// or the slab is full. The slab (about 385 KB at the defaults) is made on the first <see cref="Add"/>,
/// so a pacer that never sends through a shared socket holds none. Not thread-safe: one owner thread. struct mmsghdr/msghdr/iovec are the LP64
/// layouts (x64 and arm64).
/// </summary>
public sealed unsafe partial class RtpSendBatch : IDisposable
{
    private const int MessageBytes = 64;      // struct mmsghdr: msghdr (56) + msg_len (4) + padding
    private const int IovBytes = 16;
    private const int NameBytes = 28;         // sockaddr_in6, the largest we send to
    private const int NameStride = 32;
    private const int Interrupted = 4;

    private readonly int _capacity;
    private readonly int _slotBytes;
    private byte* _data;
    private byte* _names;
    private byte* _iovs;
    private byte* _messages;
    private int _count;
    private int _fd = -1;
    private long _sent;
    private long _calls;
    private long _failed;
    private bool _disposed;

    /// <param name="capacity">Datagrams held before a send is forced.</param>
    /// <param name="maxDatagram">The largest datagram; a larger one is refused by <see cref="Add"/>.</param>
    public RtpSendBatch(int capacity = 256, int maxDatagram = 1500)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("Batched sending needs Linux sendmmsg (x64 or arm64).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatagram, 12);
        _capacity = capacity;
        _slotBytes = (maxDatagram + 15) & ~15;
    }

    public static bool IsSupported => OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>True once the slab is made (the first <see cref="Add"/>).</summary>
    public bool IsAllocated => _data != null;

    /// <summary>Datagrams held, not yet sent.</summary>
    public int Count => _count;

    /// <summary>Datagrams the kernel took, over the batch's life.</summary>
    public long Sent => _sent;

    /// <summary>sendmmsg calls made.</summary>
    public long Calls => _calls;

    /// <summary>Datagrams the kernel refused (each skipped so the rest still leave).</summary>
    public long Failed => _failed;

    /// <summary>
    /// Holds <paramref name="datagram"/> for <paramref name="to"/> on socket <paramref name="fd"/>;
    /// false when it cannot be held (too large, or the address is not IPv4/IPv6): send it directly.
    /// </summary>
    public bool Add(int fd, ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        if (datagram.Length > _slotBytes || to.Size > NameBytes || _disposed)
        {
            return false;
        }

        if (_data == null)
        {
            Allocate();
        }

        if (_count == _capacity || (_count > 0 && fd != _fd))
        {
            Flush();
        }

        _fd = fd;
        int i = _count++;
        datagram.CopyTo(new Span<byte>(_data + ((long)i * _slotBytes), datagram.Length));
        *(nint*)(_iovs + (i * IovBytes) + 8) = datagram.Length;
        to.Buffer.Span[..to.Size].CopyTo(new Span<byte>(_names + (i * NameStride), to.Size));
        *(uint*)(_messages + (i * MessageBytes) + 8) = (uint)to.Size;
        return true;
    }

    /// <summary>Sends everything held (a datagram the kernel refuses is counted and skipped); returns how many the kernel took.</summary>
    public int Flush()
    {
        int done = 0;
        int refused = 0;
        while (done < _count)
        {
            int n = SendMmsg(_fd, _messages + (done * MessageBytes), (uint)(_count - done), 0);
            _calls++;
            if (n > 0)
            {
                done += n;
                continue;
            }

            if (n < 0 && Marshal.GetLastPInvokeError() == Interrupted)
            {
                continue;
            }

            // The first remaining datagram failed (e.g. an ICMP error queued on the socket): skip it.
            refused++;
            done++;
        }

        _failed += refused;
        _sent += done - refused;
        _count = 0;
        return done - refused;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _count = 0;
        NativeMemory.Free(_data);
        NativeMemory.Free(_names);
        NativeMemory.Free(_iovs);
        NativeMemory.Free(_messages);
        _data = _names = _iovs = _messages = null;
    }

    private void Allocate()
    {
        _data = (byte*)NativeMemory.AllocZeroed((nuint)(_capacity * _slotBytes));
        _names = (byte*)NativeMemory.AllocZeroed((nuint)(_capacity * NameStride));
        _iovs = (byte*)NativeMemory.AllocZeroed((nuint)(_capacity * IovBytes));
        _messages = (byte*)NativeMemory.AllocZeroed((nuint)(_capacity * MessageBytes));
        for (int i = 0; i < _capacity; i++)
        {
            byte* iov = _iovs + (i * IovBytes);
            *(nint*)iov = (nint)(_data + ((long)i * _slotBytes));
            byte* header = _messages + (i * MessageBytes);
            *(nint*)header = (nint)(_names + (i * NameStride));
            *(nint*)(header + 16) = (nint)iov;
            *(nint*)(header + 24) = 1;
        }
    }

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    private static partial int SendMmsg(int fd, byte* messages, uint count, int flags);
}
