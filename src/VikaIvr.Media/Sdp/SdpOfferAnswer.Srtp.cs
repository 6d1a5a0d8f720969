using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Sdp;

/// <summary>SDES (RFC 4568) on top of offer/answer: which offers the policy accepts, our keys, the peer's answer.</summary>
public sealed partial class SdpOfferAnswer
{
    // Our a=crypto lines from our own SRTP offer; none until one was made.
    private List<SdesCryptoAttribute>? _offeredCrypto;

    /// <summary>
    /// Whether the policy takes this m= section, and with which crypto line. An RTP/AVP section with a=crypto
    /// (best-effort SRTP, as baresip's "srtp" mode offers) is answered with SRTP unless SRTP is off.
    /// </summary>
    private bool TryAcceptSecurity(SdpMediaDescription m, out SdesCryptoAttribute? crypto, ref bool plainRefused, ref string? cryptoRefused)
    {
        crypto = null;
        bool secure = SdpAudioReader.IsSecureProfile(m);
        if (_options.Srtp == SrtpMode.Off)
        {
            if (secure)
            {
                cryptoRefused ??= m.Protocol + " offered and SRTP is off (Media:Srtp)";
                return false;
            }

            return true;
        }

        if (SdpCryptoReader.TryChoose(m, _options.SrtpSuites, out crypto, out string reason))
        {
            return true;
        }

        if (secure || (_options.Srtp == SrtpMode.Required && SdpCryptoReader.HasCrypto(m)))
        {
            cryptoRefused ??= reason;
            return false;
        }

        if (_options.Srtp == SrtpMode.Required)
        {
            plainRefused = true;
            return false;
        }

        return true;
    }

    /// <summary>Our side of the answer: a fresh key, unless the peer re-offers the key it already uses (a hold or refresh re-INVITE).</summary>
    private SrtpPolicy AnswerKey(SdesCryptoAttribute offered)
    {
        if (Current?.Srtp is { } current && current.Suite == offered.Suite && current.RemoteKey.Equals(offered.Key))
        {
            return current;
        }

        return new SrtpPolicy(offered.Suite, SrtpMasterKey.Generate(), offered.Key);
    }

    private void AddOfferedCrypto(SdpMediaDescription section)
    {
        var offered = new List<SdesCryptoAttribute>(_options.SrtpSuites.Count);
        foreach (var suite in _options.SrtpSuites)
        {
            var line = new SdesCryptoAttribute(offered.Count + 1, suite, SrtpMasterKey.Generate());
            offered.Add(line);
            section.Attributes.Add(CryptoLine(line));
        }

        _offeredCrypto = offered;
    }

    /// <summary>Reads the answer's a=crypto against our offer; false when we offered SRTP and the answer does not use one of our lines.</summary>
    private bool TryReadAnsweredCrypto(SdpMediaDescription m, out SrtpPolicy? srtp, out string? refusal)
    {
        srtp = null;
        refusal = null;
        if (_offeredCrypto is not { Count: > 0 } offered)
        {
            return true;
        }

        var theirs = SdpCryptoReader.FindAnswer(m, offered);
        if (theirs is null)
        {
            refusal = "the answer accepted none of our a=crypto lines";
            return false;
        }

        var ours = offered.Find(o => o.Tag == theirs.Tag)!;
        srtp = new SrtpPolicy(ours.Suite, ours.Key, theirs.Key);
        return true;
    }

    private static SdpAttribute CryptoLine(SdesCryptoAttribute crypto) => new(SdesCryptoAttribute.Name, crypto.ToAttributeValue());
}
