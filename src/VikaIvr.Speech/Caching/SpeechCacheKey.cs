using System.Security.Cryptography;
using System.Text;

namespace VikaIvr.Speech.Caching;

/// <summary>Cache key of a synthesized text: a hash of engine, voice and normalised words.</summary>
public static class SpeechCacheKey
{
    /// <summary>Lower-case hex SHA-256, safe as a file name.</summary>
    public static string For(string engine, string voice, string normalisedText)
    {
        var bytes = Encoding.UTF8.GetBytes($"{engine}\n{voice}\n{normalisedText}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
