using System.Net;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Load;

/// <summary>What `vika load` does: how many calls, how fast, how long, and what each call sends or follows.</summary>
public sealed class LoadOptions
{
    /// <summary>sip:165@HOST:PORT[;transport=tcp].</summary>
    public required string Target { get; init; }

    /// <summary>Calls placed in all (all may be up at once).</summary>
    public int Calls { get; init; } = 10;

    /// <summary>New calls per second.</summary>
    public double Rate { get; init; } = 10;

    /// <summary>How long each call is held after the answer before our BYE (with a script: the longest it may run).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Keys each call sends after the answer (a key plan), unless a script is given.</summary>
    public IReadOnlyList<KeyPlanStep> Keys { get; init; } = [];

    /// <summary>A call script each call follows instead of the key plan.</summary>
    public CallScript? Script { get; init; }

    /// <summary>The prompts' fingerprints for the script's `expect prompt` lines (per the codec).</summary>
    public PromptFingerprints? Prompts { get; init; }

    public TestCallerDtmfMode DtmfMode { get; init; } = TestCallerDtmfMode.Rfc4733;

    public RtpAudioCodec Codec { get; init; } = RtpAudioCodec.Pcmu;

    /// <summary>Audio each call plays once after the answer (silence otherwise).</summary>
    public EncodedAudio? Audio { get; init; }

    /// <summary>Where our SIP and RTP sockets bind (default: the address that reaches the target).</summary>
    public IPAddress? Bind { get; init; }

    /// <summary>How long an `expect` line waits for what it expects.</summary>
    public TimeSpan ExpectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>The tester's RTP ports (a pair per call; keep clear of the server's range on one machine).</summary>
    public int RtpPortMin { get; init; } = 30000;

    public int RtpPortMax { get; init; } = 39998;

    /// <summary>One RTP port for all the tester's calls (each announcing its SSRC; frames sent in batches), 0: a pair per call from the range.</summary>
    public int SharedRtpPort { get; init; }

    /// <summary>Use the kernel's receive timestamps (Linux) for the received audio's timing.</summary>
    public bool KernelTimestamps { get; init; } = true;

    /// <summary>Phase slots per 20 ms of the tester's media clock: few, so thousands of calls cost few wake-ups.</summary>
    public int PacerSlots { get; init; } = 10;

    /// <summary>The tester's receive thread reads what arrived in this interval in one pass (with kernel timestamps only).</summary>
    public TimeSpan ReceiveBatchInterval { get; init; } = TimeSpan.FromMilliseconds(2);

    public string Mode => Script is not null ? "script" : Keys.Count > 0 ? "keys" : "audio";
}
