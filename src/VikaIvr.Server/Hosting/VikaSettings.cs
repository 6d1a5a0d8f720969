namespace VikaIvr.Server.Hosting;

/// <summary>
/// Everything the server reads from config/appsettings.json, VIKA_ environment variables and the
/// command line: one options section each (bound and validated by <see cref="VikaOptions"/>), gathered here
/// for the parts that take the whole picture.
/// </summary>
public sealed class VikaSettings
{
    public SipSettings Sip { get; set; } = new();
    public MediaSettings Media { get; set; } = new();
    public DataSettings Data { get; set; } = new();
    public FlowSettings Flow { get; set; } = new();
    public PromptSettings Prompts { get; set; } = new();
    public SpeechSettings Speech { get; set; } = new();
    public TrunkSettings Trunk { get; set; } = new();
    public OperatorSettings Operator { get; set; } = new();
    public ServerSettings Server { get; set; } = new();
    public AdminSettings Admin { get; set; } = new();

    /// <summary>The folder relative paths are resolved against (the repository root by default).</summary>
    public string Home { get; set; } = ".";

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Home, path));
}

public sealed class SipSettings
{
    public string Bind { get; set; } = "0.0.0.0";
    public int Port { get; set; } = 5060;
    public List<string> ServiceNumbers { get; set; } = [];
    public List<string> AllowFrom { get; set; } = [];
    public int MaxCallDurationSeconds { get; set; } = 3600;
    public int AnswerDelayMs { get; set; }
    public int MaxHeaders { get; set; } = 100;
    public bool ChallengeInvites { get; set; }

    /// <summary>Realm of the digest challenge for incoming INVITEs.</summary>
    public string AuthRealm { get; set; } = "vikaivr";

    /// <summary>User name → password for trunks that authenticate their INVITEs (when <see cref="ChallengeInvites"/>).</summary>
    public Dictionary<string, string> InviteCredentials { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Calls at once; beyond it an INVITE gets 503 with Retry-After. 0: what the RTP port range carries.</summary>
    public int MaxCalls { get; set; }

    /// <summary>New calls per second over the whole server; 0 = no limit.</summary>
    public int MaxCallsPerSecond { get; set; } = 200;

    /// <summary>Requests per source address per second before the source is banned for <see cref="SourceBanSeconds"/> (pike-like); 0 = no limit.</summary>
    public int MaxCallsPerSourcePerSecond { get; set; } = 30;

    /// <summary>How long a source over its rate is refused.</summary>
    public int SourceBanSeconds { get; set; } = 10;

    /// <summary>The Retry-After of a 503 for overload or drain.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>The Server header of responses; empty (the default): none, so the product is not told.</summary>
    public string ServerHeader { get; set; } = "";

    /// <summary>Proxies (CIDR) whose Via maddr is honoured; everyone else's responses go to the transport source.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>User-Agent fragments whose requests are dropped unanswered; empty: the built-in scanner list; [""]: none.</summary>
    public List<string> DenyUserAgents { get; set; } = [];

    /// <summary>Accepted TCP connections from one address at once (on top of the global cap); 0 = no per-source cap.</summary>
    public int MaxTcpConnectionsPerSource { get; set; } = 32;

    /// <summary>An accepted TCP connection that sends no complete SIP message within this is closed.</summary>
    public int TcpFirstMessageSeconds { get; set; } = 5;

    /// <summary>SIP over TLS (RFC 3261 26, RFC 5630): on when both Certificate and Key are set.</summary>
    public SipTlsSettings Tls { get; set; } = new();

    /// <summary>RFC 4028 session timers as UAS: the interval asked for when the caller names none, and the most granted (at least Sip:MinSessionExpiresSeconds).</summary>
    public int SessionExpiresSeconds { get; set; } = 1800;

    /// <summary>RFC 4028 Min-SE: a smaller Session-Expires gets 422 (90 by the RFC; smaller only for tests).</summary>
    public int MinSessionExpiresSeconds { get; set; } = 90;
}

public sealed class SipTlsSettings
{
    /// <summary>The TLS listener's port (same Sip:Bind address).</summary>
    public int Port { get; set; } = 5061;

    /// <summary>PEM file of the server certificate (chain); relative to Home.</summary>
    public string Certificate { get; set; } = "";

    /// <summary>PEM file of the certificate's private key; relative to Home.</summary>
    public string Key { get; set; } = "";

    /// <summary>Client certificates: "off" (default), "optional" (checked when sent) or "required" (mutual TLS trunk).</summary>
    public string ClientCertificates { get; set; } = "off";

    /// <summary>PEM file of the CA(s) that client certificates, and servers we connect to over TLS, must chain to; empty: the system's store.</summary>
    public string TrustedCa { get; set; } = "";
}

public sealed class MediaSettings
{
    public string RtpPorts { get; set; } = "20000-29999";
    public string PublicAddress { get; set; } = "";
    public List<string> Codecs { get; set; } = [];
    public int PacerThreads { get; set; }

    /// <summary>
    /// Phase slots per 20 ms period (an even number 2-40): the pacers wake once per slot that has
    /// streams and send that slot's frames. Fewer slots, fewer wake-ups (the dearest part of pacing
    /// thousands of calls), larger batches per wake-up.
    /// </summary>
    public int PacerSlots { get; set; } = 10;

    /// <summary>Threads receiving every call's RTP/RTCP (epoll on Linux); one serves thousands of calls.</summary>
    public int ReceiveThreads { get; set; } = 1;

    /// <summary>
    /// The shortest time between two waits of a receive thread, in ms (0 = wait again at once): a busy
    /// thread reads what arrived in that time in one pass (see MediaReceiverOptions.BatchInterval).
    /// </summary>
    public int ReceiveBatchMs { get; set; } = 2;

    /// <summary>
    /// One even RTP port (RTCP the next) for every call whose media can be told apart by the address
    /// its SDP gave (or an a=ssrc): a slot's frames leave in one sendmmsg, arrivals are read many a
    /// system call. 0 (default): a port pair per call from RtpPorts, which also follows a caller
    /// whose media come from elsewhere than its SDP said (NAT).
    /// </summary>
    public int SharedRtpPort { get; set; }
    public string InBandDtmf { get; set; } = "auto";
    public bool ComfortNoise { get; set; }

    /// <summary>SRTP with SDES keys (RFC 4568): "off", "optional" (default: RTP/SAVP offers answered with SRTP, plain ones plainly) or "required" (a plain offer gets 488).</summary>
    public string Srtp { get; set; } = "optional";

    /// <summary>A call that receives no RTP (or RTCP) for this long, while not on hold, is hung up ("media-timeout"); 0 = never.</summary>
    public int RtpTimeoutSeconds { get; set; } = 30;
}

public sealed class DataSettings
{
    public string Directory { get; set; } = "data";

    /// <summary>"sqlite" (the embedded file in <see cref="Directory"/>) or "postgres" (<see cref="ConnectionString"/>).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The PostgreSQL connection string (Npgsql form) when <see cref="Provider"/> is "postgres".</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>An HTTP JSON participant service; participants come from the database when its URL is empty.</summary>
    public ParticipantApiSettings ParticipantApi { get; set; } = new();
}

public sealed class ParticipantApiSettings
{
    public string Url { get; set; } = "";
    public int TimeoutMs { get; set; } = 2000;
    public int Retries { get; set; } = 2;
    public int CacheSeconds { get; set; } = 60;
}

public sealed class FlowSettings
{
    public string File { get; set; } = "config/flows/vika.yaml";
    public string AgentUri { get; set; } = "";
}

public sealed class PromptSettings
{
    public string Directory { get; set; } = "prompts";
    public string Language { get; set; } = "id";
}

public sealed class SpeechSettings
{
    public string Engine { get; set; } = "espeak-ng";
    public string Voice { get; set; } = "id";
    public AzureSpeechSettings Azure { get; set; } = new();
}

public sealed class AzureSpeechSettings
{
    public string Key { get; set; } = "";
    public string Region { get; set; } = "";
    public string Voice { get; set; } = "id-ID-GadisNeural";
    public string Endpoint { get; set; } = "";
}

public sealed class TrunkSettings
{
    public string Registrar { get; set; } = "";
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public int ExpiresSeconds { get; set; } = 3600;
}

public sealed class OperatorSettings
{
    public string Number { get; set; } = "";
    public string Pin { get; set; } = "";

    /// <summary>Sources (addresses or CIDR) the operator line answers; empty: loopback and private networks. Anyone else hears an unknown number.</summary>
    public List<string> AllowFrom { get; set; } = [];

    /// <summary>Wrong PINs (across calls) from one caller number or one source address before a lockout.</summary>
    public int MaxPinFailures { get; set; } = 5;

    /// <summary>How long a lockout lasts; the right PIN is refused meanwhile.</summary>
    public int LockoutMinutes { get; set; } = 15;
}

public sealed class ServerSettings
{
    /// <summary>How often `serve` logs its health (calls, allocation, GC pauses, CPU, memory); 0 = never.</summary>
    public int StatsSeconds { get; set; } = 60;

    /// <summary>"high": every server thread at nice −10 (needs CAP_SYS_NICE, else stays normal); "normal": the OS default.</summary>
    public string Priority { get; set; } = "high";

    /// <summary>How long `serve` may take to stop (hang up the calls, write their records) after SIGTERM or Ctrl+C.</summary>
    public int StopSeconds { get; set; } = 30;

    /// <summary>After SIGTERM or POST /admin/drain: how long calls in progress may go on before they get BYE.</summary>
    public int DrainSeconds { get; set; } = 300;

    /// <summary>This node's name in call records and metrics; empty: the machine's host name.</summary>
    public string NodeId { get; set; } = "";
}

public sealed class AdminSettings
{
    /// <summary>The admin HTTP endpoint (metrics, health, drain, console): host:port; empty = off.</summary>
    public string Bind { get; set; } = "127.0.0.1:8165";
}
