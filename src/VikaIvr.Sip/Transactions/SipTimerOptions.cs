namespace VikaIvr.Sip.Transactions;

/// <summary>RFC 3261 timer values (17.1.1.1, table 4) and the 100 Trying delay.</summary>
public sealed class SipTimerOptions
{
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An INVITE gets 100 Trying after this unless the application answered first; zero sends it at once.</summary>
    public TimeSpan TryingDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>64*T1: timers B, F, H, J, L, M.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D on unreliable transports.</summary>
    public TimeSpan TimerD { get; set; } = TimeSpan.FromSeconds(32);
}
