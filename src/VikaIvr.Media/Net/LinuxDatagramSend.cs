using System.Net;
using System.Runtime.InteropServices;

namespace VikaIvr.Media.Net;

/// <summary>
/// One datagram out through a socket's descriptor (<c>sendto</c>, never waiting): what a session
/// whose sockets the media receiver reads sends with, so the socket never needs the runtime's
/// per-socket asynchronous machinery (about 300 bytes a socket, two sockets a call). Linux only.
/// The caller guarantees the descriptor is still its socket's (it sends only before closing it).
/// </summary>
internal static unsafe partial class LinuxDatagramSend
{
    private const int DontWait = 0x40;
    private const int Interrupted = 4;

    /// <summary>Sends <paramref name="datagram"/> to <paramref name="to"/>: 0, or the errno the kernel gave.</summary>
    public static int SendTo(int fd, ReadOnlySpan<byte> datagram, SocketAddress to) => SendTo(fd, datagram, to.Buffer.Span[..to.Size]);

    /// <summary>Sends <paramref name="datagram"/> to the address <paramref name="name"/> (a sockaddr's bytes): 0, or the errno the kernel gave.</summary>
    public static int SendTo(int fd, ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> name)
    {
        fixed (byte* data = datagram)
        fixed (byte* address = name)
        {
            while (true)
            {
                if (Send(fd, data, (nuint)datagram.Length, DontWait, address, (uint)name.Length) >= 0)
                {
                    return 0;
                }

                int errno = Marshal.GetLastPInvokeError();
                if (errno != Interrupted)
                {
                    return errno;
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "sendto", SetLastError = true)]
    private static partial nint Send(int fd, byte* data, nuint length, int flags, byte* address, uint addressLength);
}
