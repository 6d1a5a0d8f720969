namespace VikaIvr.Sip.Core;

/// <summary>Trunk registration: where, as whom, and for how long.</summary>
public sealed class SipRegistrationOptions
{
    /// <summary>The registrar, e.g. <c>sip:trunk.example.net:5060</c>; its host must be an IP address or resolvable name.</summary>
    public string RegistrarUri { get; set; } = string.Empty;

    /// <summary>Address-of-record user (To/From), also the digest user name when <see cref="AuthUser"/> is null.</summary>
    public string User { get; set; } = string.Empty;

    public string? AuthUser { get; set; }

    public string Password { get; set; } = string.Empty;

    /// <summary>Requested registration lifetime in seconds.</summary>
    public int Expires { get; set; } = 3600;

    /// <summary>Register over TCP instead of UDP.</summary>
    public bool UseTcp { get; set; }

    /// <summary>Wait after a failed attempt before trying again.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
