using VikaIvr.Flows.Ports;
using VikaIvr.Media.Rtp;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Scripting;

/// <summary>How live scripts run: the target, the key mode and the prompts the server plays.</summary>
public sealed class LiveScriptOptions
{
    /// <summary>sip:165@HOST:PORT[;transport=tcp]; a script's `call N from M` sets the user part and our number.</summary>
    public required string Target { get; init; }

    public TestCallerDtmfMode DtmfMode { get; init; } = TestCallerDtmfMode.Rfc4733;

    public RtpAudioCodec Codec { get; init; } = RtpAudioCodec.Pcmu;

    /// <summary>The same prompts the server plays (same prompt folder).</summary>
    public required IPromptStore Prompts { get; init; }

    /// <summary>How long to wait for the next thing to be heard before an expectation fails.</summary>
    public TimeSpan MaxSilence { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to listen after the last statement for anything unexpected.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The NOTIFY status for a transfer the script says fails.</summary>
    public int FailedTransferStatus { get; init; } = 503;
}
