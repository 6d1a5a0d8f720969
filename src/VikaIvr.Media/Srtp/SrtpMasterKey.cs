using System.Globalization;
using System.Security.Cryptography;

namespace VikaIvr.Media.Srtp;

/// <summary>
/// An SDES master key and salt (RFC 4568 6.1 key-params: <c>inline:BASE64[|LIFETIME][|MKI:LENGTH]</c>).
/// The key never leaves this type as text except through <see cref="ToKeyParams"/>, which only the
/// SDP writer calls: <see cref="ToString"/> is redacted so a log line or a debugger view cannot show it.
/// </summary>
public sealed class SrtpMasterKey : IEquatable<SrtpMasterKey>
{
    private const int Length = SrtpCryptoSuites.MasterKeyLength + SrtpCryptoSuites.MasterSaltLength;
    private readonly byte[] _keyAndSalt;

    private SrtpMasterKey(byte[] keyAndSalt, string? lifetime)
    {
        _keyAndSalt = keyAndSalt;
        Lifetime = lifetime;
    }

    public ReadOnlySpan<byte> Key => _keyAndSalt.AsSpan(0, SrtpCryptoSuites.MasterKeyLength);

    public ReadOnlySpan<byte> Salt => _keyAndSalt.AsSpan(SrtpCryptoSuites.MasterKeyLength);

    /// <summary>The lifetime as the peer wrote it ("2^31", "1048576"), or null; no call reaches it (2^31 packets is 497 days at 50/s).</summary>
    public string? Lifetime { get; }

    /// <summary>A fresh random key and salt (our side of an offer or answer).</summary>
    public static SrtpMasterKey Generate()
    {
        var bytes = new byte[Length];
        RandomNumberGenerator.Fill(bytes);
        return new SrtpMasterKey(bytes, null);
    }

    /// <summary>A key from raw bytes (tests, the RFC 3711 vectors).</summary>
    public static SrtpMasterKey FromBytes(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt)
    {
        if (key.Length != SrtpCryptoSuites.MasterKeyLength || salt.Length != SrtpCryptoSuites.MasterSaltLength)
        {
            throw new ArgumentException("An AES-128 SRTP master key is 16 bytes and its salt 14.");
        }

        return new SrtpMasterKey([.. key, .. salt], null);
    }

    /// <summary>Reads one key-params value; false with a reason (never containing the key) when it is not one we can use.</summary>
    public static bool TryParse(string keyParams, out SrtpMasterKey? key, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(keyParams);
        key = null;
        if (!keyParams.StartsWith("inline:", StringComparison.OrdinalIgnoreCase))
        {
            reason = "key method is not inline";
            return false;
        }

        var parts = keyParams[7..].Split('|');
        var bytes = new byte[Length];
        if (!Convert.TryFromBase64String(parts[0], bytes, out int written) || written != Length)
        {
            reason = "inline key is not 30 bytes of base64 (16-byte key, 14-byte salt)";
            return false;
        }

        string? lifetime = null;
        for (int i = 1; i < parts.Length; i++)
        {
            if (parts[i].Contains(':', StringComparison.Ordinal))
            {
                reason = "MKI is not supported";
                return false;
            }

            if (i > 1 || !IsLifetime(parts[i]))
            {
                reason = "unreadable key lifetime";
                return false;
            }

            lifetime = parts[i];
        }

        key = new SrtpMasterKey(bytes, lifetime);
        reason = null;
        return true;
    }

    /// <summary>The key-params text for our a=crypto line. Only SDP writing may call this.</summary>
    public string ToKeyParams() => "inline:" + Convert.ToBase64String(_keyAndSalt) + (Lifetime is null ? "" : "|" + Lifetime);

    public override string ToString() => "inline:[redacted]";

    public bool Equals(SrtpMasterKey? other) => other is not null && CryptographicOperations.FixedTimeEquals(_keyAndSalt, other._keyAndSalt);

    public override bool Equals(object? obj) => Equals(obj as SrtpMasterKey);

    public override int GetHashCode() => BitConverter.ToInt32(_keyAndSalt, 0);

    private static bool IsLifetime(string text)
    {
        var span = text.AsSpan();
        if (span.StartsWith("2^", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        return span.Length is > 0 and <= 20 && ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
