using System.Globalization;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Tests.Audio;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>
/// `wav-corpus`: reads every file of the odd-WAV corpus with our reader and with NAudio and prints
/// which each reads right (samples within one LSB of sox's decoding) and what each says about the
/// broken ones.
/// </summary>
internal static class WavCorpusReport
{
    public static void Run()
    {
        var directory = Directory.CreateTempSubdirectory("vika-wav-corpus-").FullName;
        try
        {
            WavCorpus.Build(directory);
            Console.WriteLine("| file | what | ours | NAudio |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var file in WavCorpus.Files)
            {
                var path = Path.Combine(directory, file.Name);
                var reference = file.Reference is null ? null : WavCorpus.SoxMono(Path.Combine(directory, file.Reference));
                var ours = Judge(() =>
                {
                    var audio = WavReader.Read(path);
                    return (audio.Samples, audio.SampleRate);
                }, reference, file);
                var naudio = Judge(() =>
                {
                    using var stream = File.OpenRead(path);
                    return NAudioWav.ReadMono(stream);
                }, reference, file);
                Console.WriteLine($"| {file.Name} | {file.What} | {ours} | {naudio} |");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Judge(Func<(float[] Samples, int Rate)> read, float[]? reference, WavCorpusFile file)
    {
        (float[] Samples, int Rate) result;
        try
        {
            result = read();
        }
        catch (Exception ex)
        {
            var message = ex.Message.Replace('|', '/').ReplaceLineEndings(" ");
            var verdict = reference is null ? "error ✓" : "**fails**";
            return $"{verdict}: {ex.GetType().Name}: {message}";
        }

        if (reference is null)
        {
            return $"**accepts a broken file** ({result.Samples.Length} samples)";
        }

        if (result.Samples.Length != reference.Length)
        {
            return $"**wrong length** ({result.Samples.Length}, sox {reference.Length})";
        }

        var lsb = 1.0 / (1L << (file.Bits - 1));
        var worst = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(result.Samples[i] - reference[i]));
        }

        var inLsb = (worst / lsb).ToString("0.##", CultureInfo.InvariantCulture);
        return worst <= lsb ? $"✓ ({inLsb} LSB)" : $"**off by {inLsb} LSB**";
    }
}
