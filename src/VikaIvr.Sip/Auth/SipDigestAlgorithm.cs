namespace VikaIvr.Sip.Auth;

/// <summary>Digest hash algorithms of RFC 7616 that SIP trunks use.</summary>
public enum SipDigestAlgorithm
{
    Md5,
    Sha256,
}
