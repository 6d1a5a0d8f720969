using VikaIvr.Media.Receive;

namespace VikaIvr.Media.Shared;

/// <summary>
/// What a lease on a <see cref="SharedRtpPort"/> holds there: the senders it claims, where their
/// datagrams go and whether it was released. Apart from <see cref="Session.RtpPortLease"/> so a
/// lease on a port of its own (the default) carries none of it: about 80 bytes a call.
/// </summary>
internal sealed class SharedRtpClaim(SharedRtpPort port)
{
    public SharedRtpPort Port { get; } = port;

    /// <summary>Where the port hands the call's datagrams (its media session, once started).</summary>
    public volatile IDatagramSink? Sink;

    /// <summary>Under the port's gate.</summary>
    public SharedRtpKey? RtpKey { get; set; }

    /// <summary>Under the port's gate.</summary>
    public SharedRtpKey? RtcpKey { get; set; }

    /// <summary>Under the port's gate.</summary>
    public bool Released { get; set; }

    /// <summary>RTP kept from before the call started was handed to it (on its first packet).</summary>
    public bool HandedOver { get; set; }
}
