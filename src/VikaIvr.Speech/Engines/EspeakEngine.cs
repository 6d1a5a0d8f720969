using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Engines;

/// <summary>
/// The embedded default engine: runs the espeak-ng program (voice "id"), reads its 22.05 kHz
/// WAV and resamples it to 8 kHz. The text goes through standard input, never a shell or an
/// argument, so nothing in it can be taken as an option.
/// </summary>
public sealed partial class EspeakEngine : ISpeechEngine
{
    public const string InstallHint = "install it with `apt-get install espeak-ng`";

    private readonly EspeakOptions _options;
    private readonly ILogger<EspeakEngine> _logger;
    private readonly PronunciationLexicon _lexicon;

    public EspeakEngine(EspeakOptions options, ILogger<EspeakEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _lexicon = new PronunciationLexicon(options.Pronunciations);
    }

    public string Name => "espeak-ng";

    public string Voice => _options.Voice;

    public async Task<short[]> SynthesizeAsync(string normalisedText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        var wavPath = Path.Combine(_options.TempDirectory ?? Path.GetTempPath(), $"vika-espeak-{Guid.NewGuid():N}.wav");
        try
        {
            await RunAsync(_lexicon.Apply(normalisedText), wavPath, ct).ConfigureAwait(false);
            PcmAudio audio;
            try
            {
                audio = WavReader.Read(wavPath);
            }
            catch (WavFormatException ex)
            {
                throw new SpeechException($"espeak-ng produced unreadable audio: {ex.Message}", ex);
            }

            return TelephonyAudio.Convert(audio, _options.Loudness);
        }
        finally
        {
            TryDelete(wavPath);
        }
    }

    public async Task EnsureAvailableAsync(CancellationToken ct)
    {
        var samples = await SynthesizeAsync("ya", ct).ConfigureAwait(false);
        if (samples.Length == 0)
            throw new SpeechException($"espeak-ng produced no audio for voice '{_options.Voice}'.");
    }

    private async Task RunAsync(string text, string wavPath, CancellationToken ct)
    {
        var start = new ProcessStartInfo(_options.ProgramPath)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in (string[])["-v", _options.Voice, "-s", _options.WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "1", "--stdin", "-w", wavPath])
            start.ArgumentList.Add(arg);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new SpeechException(
                $"The speech engine espeak-ng was not found ('{_options.ProgramPath}'): {InstallHint}.", ex);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(text.AsMemory(), timeout.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var error = (await stderr.ConfigureAwait(false)).Trim();
            await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new SpeechException(
                    $"espeak-ng failed (exit code {process.ExitCode}, voice '{_options.Voice}'): {(error.Length > 0 ? error : "no message")}");
            }
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (ct.IsCancellationRequested) throw;
            throw new SpeechException($"espeak-ng did not finish within {_options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (IOException ex)
        {
            Kill(process);
            throw new SpeechException($"espeak-ng stopped unexpectedly: {ex.Message}", ex);
        }
    }

    private void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception ex)
        {
            LogStopFailed(ex, process.Id);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not stop espeak-ng process {Pid}")]
    private partial void LogStopFailed(Exception exception, int pid);
}
