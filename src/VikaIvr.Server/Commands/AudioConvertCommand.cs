using System.CommandLine;
using VikaIvr.Media.Audio;
using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Commands;

/// <summary>`vika audio convert IN OUT [--codec pcm|pcmu|pcma]`: any supported WAV to an 8 kHz mono prompt WAV.</summary>
public sealed class AudioConvertCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "audio convert";

    public Command Create()
    {
        var input = PositionalArgument.Create<string>("IN", "any supported WAV");
        var outPath = PositionalArgument.Create<string>("OUT", "the 8 kHz mono prompt WAV to write");
        var codec = new Option<string>("--codec") { HelpName = "pcm|pcmu|pcma", Description = "sample encoding of OUT", DefaultValueFactory = _ => "pcm" };
        var noNormalise = new Option<bool>("--no-normalise") { Description = "keep the level as recorded" };
        var command = new Command("convert", "any WAV to an 8 kHz prompt WAV") { input, outPath, codec, noNormalise };
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () =>
            RunAsync(result.GetValue(input)!, result.GetValue(outPath)!, result.GetValue(codec)!, !result.GetValue(noNormalise))));
        return command;
    }

    public Task<int> RunAsync(string input, string outPath, string codecName, bool normalise)
    {
        string codec = codecName.ToLowerInvariant();
        var encoding = codec switch
        {
            "pcm" => WavEncoding.Pcm16,
            "pcmu" => WavEncoding.MuLaw,
            "pcma" => WavEncoding.ALaw,
            _ => throw new CliException($"--codec must be pcm, pcmu or pcma, not '{codec}'"),
        };
        try
        {
            var source = WavReader.Read(input);
            var samples = TelephonyAudio.Convert(source, normalise ? new LoudnessOptions() : null);
            WavWriter.Write(outPath, samples, 8000, encoding);
            output.WriteLine($"{input}: {source.SampleRate} Hz -> {outPath}: 8000 Hz mono {codec}, {samples.Length / 8000.0:0.00} s");
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is WavFormatException or IOException)
        {
            error.WriteLine($"vika audio convert: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
