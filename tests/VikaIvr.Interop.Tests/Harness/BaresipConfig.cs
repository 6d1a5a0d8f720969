using System.Globalization;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// A headless baresip configuration in its own folder: no sound card (aubridge player), caller
/// audio from a WAV (aufile), decoded received audio dumped by sndfile, control over ctrl_tcp.
/// </summary>
public sealed record BaresipConfig(string Directory, int SipPort, int ControlPort, string SourceWav, string RecordDir)
{
    /// <summary>Transports, TLS files and media encryption beyond the plain defaults.</summary>
    public BaresipSetup Setup { get; init; } = BaresipSetup.Plain;

    public const string ModulePath = "/usr/lib/baresip/modules";

    public static BaresipConfig Create(string baseDir, TimeSpan sourceLength, BaresipSetup? setup = null)
    {
        var config = new BaresipConfig(
            System.IO.Directory.CreateDirectory(Path.Combine(baseDir, "config")).FullName,
            FreePorts.SipPort(),
            FreePorts.TcpPort(),
            Path.Combine(baseDir, "source.wav"),
            System.IO.Directory.CreateDirectory(Path.Combine(baseDir, "received")).FullName)
        {
            Setup = setup ?? BaresipSetup.Plain,
        };
        // aufile hangs up when its WAV ends, so the caller's audio outlasts any test call. Silence:
        // nothing the server's in-band detector could mistake for a digit.
        WavFile.WritePcm16(config.SourceWav, new short[(int)(8000 * sourceLength.TotalSeconds)], 8000);
        File.WriteAllText(Path.Combine(config.Directory, "config"), config.ConfigText());
        File.WriteAllText(Path.Combine(config.Directory, "accounts"), "<sip:tester@127.0.0.1>;regint=0" + config.Setup.AccountParameters + "\n");
        File.WriteAllText(Path.Combine(config.Directory, "contacts"), string.Empty);
        return config;
    }

    public string ConfigText()
    {
        var invariant = CultureInfo.InvariantCulture;
        string[] lines =
        [
            "poll_method epoll",
            "sip_listen 127.0.0.1:" + SipPort.ToString(invariant),
            "sip_transports " + Setup.Transports,
            // Without it baresip puts the machine's external address in its SDP.
            "net_interface 127.0.0.1",
            "audio_player aubridge,nil",
            "audio_alert aubridge,nil",
            "audio_source aufile," + SourceWav,
            "audio_srate 8000",
            "audio_channels 1",
            "module_path " + ModulePath,
            "module g711.so",
            "module aufile.so",
            "module aubridge.so",
            "module sndfile.so",
            "module_app account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            "ctrl_tcp_listen 127.0.0.1:" + ControlPort.ToString(invariant),
            "snd_path " + RecordDir,
            .. Setup.ConfigLines(),
            string.Empty,
        ];
        return string.Join('\n', lines);
    }
}
