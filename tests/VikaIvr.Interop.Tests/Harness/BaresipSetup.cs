namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// How a baresip is set up beyond the plain defaults: its transports (TLS listens on the SIP port + 1),
/// its TLS files, and the account's media encryption (baresip's mediaenc: srtp, srtp-mand, ...).
/// </summary>
public sealed record BaresipSetup
{
    public static readonly BaresipSetup Plain = new();

    public string Transports { get; init; } = "udp,tcp";

    /// <summary>PEM of the CAs baresip trusts (sip_cafile); null: none.</summary>
    public string? CaFile { get; init; }

    /// <summary>One PEM file with baresip's own certificate and key (sip_certificate), sent as a client certificate; null: none.</summary>
    public string? Certificate { get; init; }

    /// <summary>The account's mediaenc (srtp, srtp-mand, ...); null: plain RTP.</summary>
    public string? MediaEncryption { get; init; }

    /// <summary>baresip over TLS with <paramref name="caFile"/> trusted and, for a mutual-TLS trunk, its own certificate.</summary>
    public static BaresipSetup Tls(string caFile, string? certificate = null, string? mediaEncryption = null) => new()
    {
        Transports = "udp,tcp,tls",
        CaFile = caFile,
        Certificate = certificate,
        MediaEncryption = mediaEncryption,
    };

    /// <summary>Config lines added to baresip's config file.</summary>
    public IEnumerable<string> ConfigLines()
    {
        if (CaFile is not null)
        {
            yield return "sip_cafile " + CaFile;
        }

        if (Certificate is not null)
        {
            yield return "sip_certificate " + Certificate;
        }

        if (MediaEncryption is not null)
        {
            yield return "module srtp.so";
        }
    }

    /// <summary>Parameters appended to the account line.</summary>
    public string AccountParameters => MediaEncryption is null ? string.Empty : ";mediaenc=" + MediaEncryption;
}
