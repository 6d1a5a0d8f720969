using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace VikaIvr.Media.Receive;

/// <summary>
/// One receive thread's recvmsg with the kernel's receive time (SO_TIMESTAMPNS, CLOCK_REALTIME in
/// a control message): the time the packet reached the socket, so the reader's own scheduling
/// delay is not in it. Every buffer recvmsg writes to is pinned once per thread, so a read
/// allocates nothing. struct msghdr/iovec/cmsghdr are the LP64 layouts (x64 and arm64).
/// </summary>
internal sealed unsafe partial class LinuxTimestampedReceive : IDisposable
{
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35;
    private const int DontWait = 0x40;
    private const int NameBytes = 128;
    private const int ControlBytes = 64;
    private const int WouldBlock = 11;

    private readonly byte* _data;
    private readonly int _dataBytes;
    private readonly byte* _name;
    private readonly byte* _control;
    private readonly byte* _header;   // struct msghdr, 56 bytes
    private readonly byte* _iov;      // struct iovec, 16 bytes

    public LinuxTimestampedReceive(int maxDatagram)
    {
        _dataBytes = maxDatagram;
        _data = (byte*)NativeMemory.AllocZeroed((nuint)maxDatagram);
        _name = (byte*)NativeMemory.AllocZeroed(NameBytes);
        _control = (byte*)NativeMemory.AllocZeroed(ControlBytes);
        _header = (byte*)NativeMemory.AllocZeroed(56);
        _iov = (byte*)NativeMemory.AllocZeroed(16);
        *(nint*)_iov = (nint)_data;
        *(nint*)(_iov + 8) = maxDatagram;
        *(nint*)_header = (nint)_name;
        *(nint*)(_header + 16) = (nint)_iov;
        *(nint*)(_header + 24) = 1;
        *(nint*)(_header + 32) = (nint)_control;
    }

    /// <summary>Asks the kernel to stamp each datagram <paramref name="socket"/> receives.</summary>
    public static void Enable(Socket socket)
    {
        Span<byte> on = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(on, 1);
        socket.SetRawSocketOption(SolSocket, SoTimestampNs, on);
    }

    /// <summary>The datagram just read (valid until the next read).</summary>
    public ReadOnlySpan<byte> Datagram(int length) => new(_data, length);

    /// <summary>
    /// Reads one datagram from <paramref name="fd"/>: its length, 0 when none waits, or a negative
    /// errno. <paramref name="from"/> receives the sender and <paramref name="receivedAtNs"/> the
    /// kernel's receive time in ns since the epoch (0 when the kernel sent none).
    /// </summary>
    public int Read(int fd, SocketAddress from, out long receivedAtNs)
    {
        receivedAtNs = 0;
        *(uint*)(_header + 8) = NameBytes;
        *(nint*)(_header + 40) = ControlBytes;
        *(int*)(_header + 48) = 0;
        nint n = RecvMsg(fd, _header, DontWait);
        if (n < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == WouldBlock ? 0 : -errno;
        }

        int nameLength = (int)Math.Min(*(uint*)(_header + 8), (uint)from.Buffer.Length);
        new ReadOnlySpan<byte>(_name, nameLength).CopyTo(from.Buffer.Span);
        from.Size = nameLength;
        receivedAtNs = ControlTimestamp(_control, *(long*)(_header + 40));
        return (int)Math.Min(n, _dataBytes);
    }

    /// <summary>The SO_TIMESTAMPNS time in a received control buffer, ns since the epoch; 0 when there is none.</summary>
    public static long ControlTimestamp(byte* control, long controlLength)
    {
        for (long at = 0; at + 16 <= controlLength;)
        {
            long length = *(long*)(control + at);
            if (length < 16)
            {
                break;
            }

            if (*(int*)(control + at + 8) == SolSocket && *(int*)(control + at + 12) == SoTimestampNs && length >= 32)
            {
                return (*(long*)(control + at + 16) * 1_000_000_000L) + *(long*)(control + at + 24);
            }

            at += (length + 7) & ~7L;
        }

        return 0;
    }

    /// <summary>The socket error an errno stands for (the ICMP ones a session counts, else a general error).</summary>
    public static SocketException Error(int errno) => new((int)(errno switch
    {
        111 => SocketError.ConnectionRefused,
        104 => SocketError.ConnectionReset,
        113 => SocketError.HostUnreachable,
        101 => SocketError.NetworkUnreachable,
        _ => SocketError.SocketError,
    }));

    public void Dispose()
    {
        NativeMemory.Free(_data);
        NativeMemory.Free(_name);
        NativeMemory.Free(_control);
        NativeMemory.Free(_header);
        NativeMemory.Free(_iov);
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint RecvMsg(int fd, byte* message, int flags);
}
