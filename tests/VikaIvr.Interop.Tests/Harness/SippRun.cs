namespace VikaIvr.Interop.Tests.Harness;

/// <summary>One SIPp invocation: scenario, transport, number, call count and timing.</summary>
public sealed record SippRun
{
    /// <summary>Scenario file name under tests/sipp (or an absolute path).</summary>
    public required string Scenario { get; init; }

    /// <summary>"u1" (UDP, one socket) or "t1" (TCP, one connection).</summary>
    public string Transport { get; init; } = "u1";

    /// <summary>The number dialled (SIPp's -s, the [service] keyword).</summary>
    public string Service { get; init; } = "165";

    public int Calls { get; init; } = 1;

    public double RatePerSecond { get; init; } = 1;

    /// <summary>The default pause (-d) of scenarios with a bare &lt;pause/&gt;.</summary>
    public int PauseMs { get; init; } = 1000;

    /// <summary>SIPp's own global -timeout: it stops itself and reports failure after this.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>A unique Call-ID prefix (SIPp's -cid_str), so the test can find its call record.</summary>
    public string CallIdPrefix { get; init; } = "vika-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>SIPp's own address (-i): another loopback address (127.0.0.2) plays another source.</summary>
    public string LocalAddress { get; init; } = "127.0.0.1";

    /// <summary>Extra SIPp arguments (e.g. -key first_pt 0).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The Call-ID SIPp gives call number <paramref name="callNumber"/> (1-based).</summary>
    public string CallId(int callNumber = 1) => FormattableString.Invariant($"{CallIdPrefix}-{callNumber}");
}
