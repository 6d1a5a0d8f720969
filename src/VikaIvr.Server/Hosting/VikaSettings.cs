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
}

public sealed class MediaSettings
{
    public string RtpPorts { get; set; } = "20000-29999";
    public string PublicAddress { get; set; } = "";
    public List<string> Codecs { get; set; } = [];
    public int PacerThreads { get; set; }

    /// <summary>Threads receiving every call's RTP/RTCP (epoll on Linux); one serves thousands of calls.</summary>
    public int ReceiveThreads { get; set; } = 1;
    public string InBandDtmf { get; set; } = "auto";
    public bool ComfortNoise { get; set; }
}

public sealed class DataSettings
{
    public string Directory { get; set; } = "data";
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
}

public sealed class ServerSettings
{
    /// <summary>How often `serve` logs its health (calls, allocation, GC pauses, CPU, memory); 0 = never.</summary>
    public int StatsSeconds { get; set; } = 60;

    /// <summary>"high": every server thread at nice −10 (needs CAP_SYS_NICE, else stays normal); "normal": the OS default.</summary>
    public string Priority { get; set; } = "high";

    /// <summary>How long `serve` may take to stop (hang up the calls, write their records) after SIGTERM or Ctrl+C.</summary>
    public int StopSeconds { get; set; } = 30;
}
