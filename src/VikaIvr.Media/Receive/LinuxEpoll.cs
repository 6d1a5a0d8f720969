using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VikaIvr.Media.Receive;

/// <summary>
/// The few epoll calls the media receiver makes (level-triggered readiness of many UDP sockets
/// from one thread). struct epoll_event is packed (12 bytes) on x86-64 and 16 bytes elsewhere,
/// so events are read from a byte buffer rather than a managed struct.
/// </summary>
internal static partial class LinuxEpoll
{
    private const uint Readable = 0x001;
    private const int CtlAdd = 1;
    private const int CtlDel = 2;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4;

    public static bool IsSupported => OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>Bytes of one struct epoll_event.</summary>
    public static int EventSize => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static int DataOffset => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static int Create()
    {
        int fd = EpollCreate1(CloseOnExec);
        return fd >= 0 ? fd : throw new InvalidOperationException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Watches <paramref name="fd"/> for reading; <paramref name="data"/> comes back with each event.</summary>
    public static int Add(int epoll, int fd, ulong data)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, Readable);
        BinaryPrimitives.WriteUInt64LittleEndian(ev[DataOffset..], data);
        return EpollCtl(epoll, CtlAdd, fd, ref MemoryMarshal.GetReference(ev)) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    public static void Remove(int epoll, int fd)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        _ = EpollCtl(epoll, CtlDel, fd, ref MemoryMarshal.GetReference(ev));
    }

    /// <summary>Waits for events into <paramref name="events"/>; their count, 0 on timeout or a signal, -1 on another error.</summary>
    public static int Wait(int epoll, Span<byte> events, int timeoutMs)
    {
        int n = EpollWait(epoll, ref MemoryMarshal.GetReference(events), events.Length / EventSize, timeoutMs);
        return n >= 0 ? n : Marshal.GetLastPInvokeError() == Interrupted ? 0 : -1;
    }

    public static ulong DataAt(ReadOnlySpan<byte> events, int index) =>
        BinaryPrimitives.ReadUInt64LittleEndian(events[(index * EventSize + DataOffset)..]);

    public static void Close(int fd) => _ = CloseFd(fd);

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int op, int fd, ref byte ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epoll, ref byte events, int maxEvents, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFd(int fd);
}
