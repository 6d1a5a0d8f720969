using System.Net;
using System.Runtime.InteropServices;

namespace VikaIvr.Media.Receive;

/// <summary>
/// One receive thread's <c>recvmmsg</c>: up to <see cref="Capacity"/> datagrams of one socket in one
/// system call, each with its sender and (when the socket asks for SO_TIMESTAMPNS) the kernel's
/// receive time: a shared RTP port carries every call's packets, so reading them one call at a
/// time would be one system call per packet again. Buffers are pinned once, so a read allocates
/// nothing. struct mmsghdr/msghdr/iovec/cmsghdr are the LP64 layouts (x64 and arm64).
/// </summary>
internal sealed unsafe partial class LinuxBatchedReceive : IDisposable
{
    private const int DontWait = 0x40;
    private const int MessageBytes = 64;
    private const int IovBytes = 16;
    private const int NameBytes = 128;
    private const int ControlBytes = 64;
    private const int WouldBlock = 11;

    private readonly int _slotBytes;
    private readonly byte* _data;
    private readonly byte* _names;
    private readonly byte* _controls;
    private readonly byte* _iovs;
    private readonly byte* _messages;

    public LinuxBatchedReceive(int capacity, int maxDatagram)
    {
        Capacity = capacity;
        _slotBytes = maxDatagram;
        _data = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * maxDatagram));
        _names = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * NameBytes));
        _controls = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * ControlBytes));
        _iovs = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * IovBytes));
        _messages = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * MessageBytes));
        for (int i = 0; i < capacity; i++)
        {
            byte* iov = _iovs + (i * IovBytes);
            *(nint*)iov = (nint)(_data + ((long)i * maxDatagram));
            *(nint*)(iov + 8) = maxDatagram;
            byte* header = Header(i);
            *(nint*)header = (nint)(_names + (i * NameBytes));
            *(nint*)(header + 16) = (nint)iov;
            *(nint*)(header + 24) = 1;
            *(nint*)(header + 32) = (nint)(_controls + (i * ControlBytes));
        }
    }

    /// <summary>Datagrams one <see cref="Read"/> can take.</summary>
    public int Capacity { get; }

    /// <summary>Reads what waits on <paramref name="fd"/>: how many datagrams (0 when none), or a negative errno.</summary>
    public int Read(int fd)
    {
        for (int i = 0; i < Capacity; i++)
        {
            byte* header = Header(i);
            *(uint*)(header + 8) = NameBytes;
            *(nint*)(header + 40) = ControlBytes;
            *(int*)(header + 48) = 0;
        }

        int n = RecvMmsg(fd, _messages, (uint)Capacity, DontWait, null);
        if (n >= 0)
        {
            return n;
        }

        int errno = Marshal.GetLastPInvokeError();
        return errno == WouldBlock ? 0 : -errno;
    }

    /// <summary>Datagram <paramref name="index"/> of the last read (valid until the next read).</summary>
    public ReadOnlySpan<byte> Datagram(int index)
        => new(_data + ((long)index * _slotBytes), (int)Math.Min(*(uint*)(Header(index) + 56), (uint)_slotBytes));

    /// <summary>Copies datagram <paramref name="index"/>'s sender into <paramref name="from"/>.</summary>
    public void Sender(int index, SocketAddress from)
    {
        int length = (int)Math.Min(*(uint*)(Header(index) + 8), (uint)from.Buffer.Length);
        new ReadOnlySpan<byte>(_names + (index * NameBytes), length).CopyTo(from.Buffer.Span);
        from.Size = length;
    }

    /// <summary>The kernel's receive time of datagram <paramref name="index"/> in ns since the epoch, 0 when it sent none.</summary>
    public long ReceivedAtNs(int index)
        => LinuxTimestampedReceive.ControlTimestamp(_controls + (index * ControlBytes), *(long*)(Header(index) + 40));

    public void Dispose()
    {
        NativeMemory.Free(_data);
        NativeMemory.Free(_names);
        NativeMemory.Free(_controls);
        NativeMemory.Free(_iovs);
        NativeMemory.Free(_messages);
    }

    private byte* Header(int index) => _messages + (index * MessageBytes);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    private static partial int RecvMmsg(int fd, byte* messages, uint count, int flags, void* timeout);
}
