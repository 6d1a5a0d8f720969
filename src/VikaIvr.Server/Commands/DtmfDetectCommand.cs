using System.Globalization;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Dtmf.InBand;
using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Commands;

/// <summary>`vika dtmf detect FILE.wav`: the in-band digits in a recording, one per line with its start time.</summary>
public sealed class DtmfDetectCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "dtmf detect";
    public string Usage => "dtmf detect FILE.wav";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        string file = args.Require(0, "FILE.wav");
        args.EnsureAllRead();
        try
        {
            var samples = TelephonyAudio.ReadWav(file);
            foreach (var e in InBandDtmf.Detect(samples))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.StartTime.TotalSeconds:0.000}\t{e.Digit}"));
            }
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is WavFormatException or IOException)
        {
            error.WriteLine($"vika dtmf detect: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
