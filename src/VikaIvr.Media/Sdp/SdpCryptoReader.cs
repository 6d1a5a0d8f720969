using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Sdp;

/// <summary>Reads the a=crypto lines (RFC 4568) of an m= section.</summary>
internal static class SdpCryptoReader
{
    public static bool HasCrypto(SdpMediaDescription m) => m.GetAttribute(SdesCryptoAttribute.Name) is not null;

    /// <summary>
    /// The first line in the writer's order that we can use (a suite in <paramref name="suites"/>, no MKI, no
    /// session parameters); otherwise false with the first line's reason, which never contains a key.
    /// </summary>
    public static bool TryChoose(SdpMediaDescription m, IList<SrtpCryptoSuite> suites, out SdesCryptoAttribute? chosen, out string reason)
    {
        chosen = null;
        reason = "no a=crypto line";
        bool first = true;
        foreach (var a in m.Attributes)
        {
            if (a.Value is null || !string.Equals(a.Name, SdesCryptoAttribute.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? why;
            if (SdesCryptoAttribute.TryParse(a.Value, out var crypto, out why) && !suites.Contains(crypto!.Suite))
            {
                why = "crypto suite " + crypto.Suite.Name() + " is not enabled";
            }
            else if (crypto is not null)
            {
                chosen = crypto;
                return true;
            }

            if (first)
            {
                reason = "no usable a=crypto line (" + why + ")";
                first = false;
            }
        }

        return false;
    }

    /// <summary>The peer's a=crypto line answering ours: the same tag and suite.</summary>
    public static SdesCryptoAttribute? FindAnswer(SdpMediaDescription m, IReadOnlyList<SdesCryptoAttribute> offered)
    {
        foreach (var a in m.Attributes)
        {
            if (a.Value is not null && string.Equals(a.Name, SdesCryptoAttribute.Name, StringComparison.OrdinalIgnoreCase)
                && SdesCryptoAttribute.TryParse(a.Value, out var crypto, out _))
            {
                foreach (var ours in offered)
                {
                    if (ours.Tag == crypto!.Tag && ours.Suite == crypto.Suite)
                    {
                        return crypto;
                    }
                }
            }
        }

        return null;
    }
}
