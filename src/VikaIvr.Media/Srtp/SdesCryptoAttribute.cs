using System.Globalization;

namespace VikaIvr.Media.Srtp;

/// <summary>
/// One <c>a=crypto</c> line (RFC 4568 9.1): <c>TAG SUITE inline:KEY[|LIFETIME] [session-params]</c>.
/// Its <see cref="ToString"/> is redacted; <see cref="ToAttributeValue"/> is for writing SDP only.
/// </summary>
public sealed class SdesCryptoAttribute
{
    public const string Name = "crypto";

    public SdesCryptoAttribute(int tag, SrtpCryptoSuite suite, SrtpMasterKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Tag = tag;
        Suite = suite;
        Key = key;
    }

    public int Tag { get; }

    public SrtpCryptoSuite Suite { get; }

    public SrtpMasterKey Key { get; }

    /// <summary>
    /// Reads an a=crypto value; false with a reason when the line is unusable for us (unknown suite, MKI,
    /// several keys, session parameters). The reason names the problem, never the key.
    /// </summary>
    public static bool TryParse(string value, out SdesCryptoAttribute? attribute, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(value);
        attribute = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int tag) || parts[0].Length > 9)
        {
            reason = "malformed a=crypto line";
            return false;
        }

        if (!SrtpCryptoSuites.TryParse(parts[1], out var suite))
        {
            reason = "unsupported crypto suite " + SafeName(parts[1]);
            return false;
        }

        if (parts[2].Contains(';', StringComparison.Ordinal))
        {
            reason = "several master keys (MKI) are not supported";
            return false;
        }

        if (parts.Length > 3)
        {
            // UNENCRYPTED_SRTP, KDR, FEC_ORDER ...: each changes the transform; refusing is safer than ignoring.
            reason = "session parameters are not supported";
            return false;
        }

        if (!SrtpMasterKey.TryParse(parts[2], out var key, out reason))
        {
            return false;
        }

        attribute = new SdesCryptoAttribute(tag, suite, key!);
        return true;
    }

    /// <summary>The attribute value with the key, for the SDP body only.</summary>
    public string ToAttributeValue() => Tag.ToString(CultureInfo.InvariantCulture) + " " + Suite.Name() + " " + Key.ToKeyParams();

    public override string ToString() => Tag.ToString(CultureInfo.InvariantCulture) + " " + Suite.Name() + " " + Key;

    private static string SafeName(string name) => name.Length <= 32 ? name : name[..32];
}
