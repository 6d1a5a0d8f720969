using System.Runtime.InteropServices;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// SIGHUP as the process got it from whatever started it. A signal ignored there (nohup, a
/// supervisor or test runner that ignores it, inherited across exec) stays ignored under .NET: the
/// runtime respects an inherited SIG_IGN and never installs its handler, so a
/// <see cref="PosixSignalRegistration"/> for SIGHUP would never run and every reload signal would be
/// lost without a word. Taking it back (SIG_DFL, then the registration at once) makes SIGHUP reload
/// the flow file however serve was started; the handler cancels it, so a terminal's hangup still
/// does not end the server, which is what nohup was for.
/// </summary>
public static partial class HangupDisposition
{
    private const int SigHup = 1;
    private const nint SigDfl = 0;
    private const nint SigIgn = 1;

    // Larger than struct sigaction on every Linux libc (152 bytes with glibc on x86-64 and arm64);
    // only its first member, the handler, is read.
    private const int SigactionBytes = 512;

    /// <summary>
    /// When SIGHUP is ignored, sets it back to the default action and returns true; call it right
    /// before registering the handler. False when it was not ignored (nothing changed) or on a
    /// system without POSIX signals.
    /// </summary>
    public static bool TakeBackWhenIgnored()
    {
        if (!IsIgnored()) return false;
        return Signal(SigHup, SigDfl) == SigIgn;
    }

    /// <summary>True when SIGHUP's disposition is SIG_IGN now.</summary>
    public static unsafe bool IsIgnored()
    {
        if (!OperatingSystem.IsLinux()) return false;
        byte* action = stackalloc byte[SigactionBytes];
        new Span<byte>(action, SigactionBytes).Clear();
        if (Sigaction(SigHup, null, action) != 0) return false;
        return *(nint*)action == SigIgn;
    }

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static unsafe partial int Sigaction(int signal, byte* action, byte* previous);

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial nint Signal(int signal, nint handler);
}
