using System.CommandLine;
using System.Globalization;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Dtmf.InBand;
using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Commands;

/// <summary>`vika dtmf detect FILE.wav`: the in-band digits in a recording, one per line with its start time.</summary>
public sealed class DtmfDetectCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "dtmf detect";

    public Command Create()
    {
        var file = PositionalArgument.Create<string>("FILE.wav", "a WAV recording");
        var command = new Command("detect", "the in-band digits in a recording with their start times") { file };
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(result.GetValue(file)!, ct)));
        return command;
    }

    public Task<int> RunAsync(string file, CancellationToken ct)
    {
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
