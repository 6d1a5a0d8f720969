namespace VikaIvr.Server.Cli;

/// <summary>The settings options the commands share, each made anew for the command that takes it.</summary>
public static class SettingOptions
{
    public static SettingOption Bind() => SettingOption.Text("--bind", "Sip:Bind", "ADDR", "SIP listening address");

    public static SettingOption SipPort() => SettingOption.Number("--sip-port", "Sip:Port", "N", "SIP port, UDP and TCP");

    public static SettingOption RtpPorts() => SettingOption.Text("--rtp-ports", "Media:RtpPorts", "LO-HI", "RTP port range");

    public static SettingOption Data() => SettingOption.Text("--data", "Data:Directory", "DIR", "database and speech-cache folder", path: true);

    public static SettingOption Flow() => SettingOption.Text("--flow", "Flow:File", "FILE", "the call flow", path: true);

    public static SettingOption Prompts() => SettingOption.Text("--prompts", "Prompts:Directory", "DIR", "the prompt folder", path: true);

    public static SettingOption AnswerDelayMs() => SettingOption.Number("--answer-delay-ms", "Sip:AnswerDelayMs", "N", "ring this long before answering");

    public static SettingOption AgentUri() => SettingOption.Text("--agent-uri", "Flow:AgentUri", "URI", "transfer target for the agent");

    public static SettingOption StatsSeconds() => SettingOption.Number("--stats-seconds", "Server:StatsSeconds", "N", "a health line every N seconds, 0 = off");

    public static SettingOption Priority() => SettingOption.OneOf("--priority", "Server:Priority", "scheduling priority", "normal", "high");
}
