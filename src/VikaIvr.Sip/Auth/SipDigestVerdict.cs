namespace VikaIvr.Sip.Auth;

/// <summary>The outcome of checking an Authorization header.</summary>
public enum SipDigestVerdict
{
    /// <summary>No Digest credentials: challenge.</summary>
    Missing,

    /// <summary>Wrong user, password, realm or a forged nonce: challenge again (or 403).</summary>
    Invalid,

    /// <summary>Correct digest on an expired nonce: challenge with stale=true.</summary>
    Stale,

    Valid,
}
