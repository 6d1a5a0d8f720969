namespace VikaIvr.Media.Srtp;

/// <summary>What SDES agreed for one stream: the suite, our key (we send with it) and the peer's (we receive with it).</summary>
public sealed record SrtpPolicy(SrtpCryptoSuite Suite, SrtpMasterKey LocalKey, SrtpMasterKey RemoteKey)
{
    public override string ToString() => Suite.Name() + " (keys redacted)";
}
