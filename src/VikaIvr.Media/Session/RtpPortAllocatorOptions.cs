namespace VikaIvr.Media.Session;

/// <summary>The RTP port range (RTCP uses RTP + 1, so RTP ports are even).</summary>
public sealed class RtpPortAllocatorOptions
{
    public int MinPort { get; set; } = 10000;

    public int MaxPort { get; set; } = 20000;

    /// <summary>Socket receive buffer per session; 0 leaves the system default.</summary>
    public int ReceiveBufferBytes { get; set; }
}
