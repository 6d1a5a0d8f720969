using Microsoft.Extensions.Logging;
using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Caching;

/// <summary>
/// Synthesized audio kept on disk as 8 kHz 16-bit WAV files named by their cache key, so a
/// restarted server does not synthesize its fixed sentences again. Files are written under a
/// temporary name and renamed, so a reader never sees half a file.
/// </summary>
public sealed partial class DiskSpeechCache
{
    private readonly string _directory;
    private readonly ILogger _logger;

    public DiskSpeechCache(string directory, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(logger);
        _directory = Path.GetFullPath(directory);
        _logger = logger;
    }

    public string Directory => _directory;

    public string PathFor(string key) => Path.Combine(_directory, key[..2], key + ".wav");

    /// <summary>A damaged or unreadable entry counts as a miss (it is synthesized again).</summary>
    public bool TryGet(string key, out short[] samples)
    {
        var path = PathFor(key);
        samples = [];
        if (!File.Exists(path)) return false;
        try
        {
            samples = TelephonyAudio.ReadWav(path);
            return true;
        }
        catch (Exception ex) when (ex is WavFormatException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(ex, path);
            return false;
        }
    }

    /// <summary>Stores an entry; a failure to write only costs a later re-synthesis.</summary>
    public void Set(string key, ReadOnlySpan<short> samples)
    {
        var path = PathFor(key);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WavWriter.Write(temp, samples, TelephonyAudio.SampleRate);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(ex, path);
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring unreadable speech cache file {Path}")]
    private partial void LogUnreadable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write speech cache file {Path}")]
    private partial void LogWriteFailed(Exception exception, string path);
}
