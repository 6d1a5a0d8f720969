using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// Layers the settings: config/appsettings.json, then VIKA_ environment variables
/// (VIKA_Sip__Port=5070), then the command line (--bind, --sip-port, --rtp-ports, --data, --config).
/// </summary>
public static class SettingsLoader
{
    public static VikaSettings Load(CommandArgs args)
    {
        string home = FindHome();
        string configFile = args.Get("config") ?? Path.Combine(home, "config", "appsettings.json");
        var builder = new ConfigurationBuilder();
        if (File.Exists(configFile)) builder.AddJsonFile(configFile, optional: false);
        else if (args.Get("config") is not null) throw new CliException($"configuration file not found: {configFile}");
        builder.AddEnvironmentVariables("VIKA_");
        var settings = new VikaSettings();
        builder.Build().Bind(settings);
        settings.Home = home;
        if (args.Get("bind") is { } bind) settings.Sip.Bind = bind;
        if (args.GetInt("sip-port") is { } port) settings.Sip.Port = port;
        if (args.Get("rtp-ports") is { } rtp) settings.Media.RtpPorts = rtp;
        if (args.Get("data") is { } data) settings.Data.Directory = Path.GetFullPath(data);
        if (args.Get("flow") is { } flow) settings.Flow.File = Path.GetFullPath(flow);
        if (args.Get("prompts") is { } prompts) settings.Prompts.Directory = Path.GetFullPath(prompts);
        if (args.GetInt("answer-delay-ms") is { } delay) settings.Sip.AnswerDelayMs = delay;
        if (args.Get("agent-uri") is { } agent) settings.Flow.AgentUri = agent;
        if (settings.Sip.ServiceNumbers.Count == 0) settings.Sip.ServiceNumbers = ["165", "021165", "+6221165", "6221165"];
        if (settings.Media.Codecs.Count == 0) settings.Media.Codecs = ["PCMU", "PCMA"];
        return settings;
    }

    /// <summary>The repository root: VIKA_HOME, else the nearest folder above the program holding config/appsettings.json, else the working directory.</summary>
    public static string FindHome()
    {
        if (Environment.GetEnvironmentVariable("VIKA_HOME") is { Length: > 0 } env) return Path.GetFullPath(env);
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "config", "appsettings.json"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
