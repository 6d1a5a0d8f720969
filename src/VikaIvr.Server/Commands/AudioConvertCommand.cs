using VikaIvr.Media.Audio;
using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Commands;

/// <summary>`vika audio convert IN OUT [--codec pcm|pcmu|pcma]`: any supported WAV to an 8 kHz mono prompt WAV.</summary>
public sealed class AudioConvertCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "audio convert";
    public string Usage => "audio convert IN OUT [--codec pcm|pcmu|pcma] [--no-normalise]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "no-normalise" };

    public Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        string input = args.Require(0, "IN");
        string outPath = args.Require(1, "OUT");
        string codec = (args.Get("codec") ?? "pcm").ToLowerInvariant();
        bool normalise = !args.Has("no-normalise");
        args.EnsureAllRead();
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
