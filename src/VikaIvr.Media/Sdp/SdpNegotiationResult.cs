using System.Diagnostics.CodeAnalysis;

namespace VikaIvr.Media.Sdp;

/// <summary>The outcome of answering an offer or applying an answer.</summary>
public sealed class SdpNegotiationResult
{
    private SdpNegotiationResult(SdpNegotiationError error, string? reason, SdpSessionDescription? local, NegotiatedMedia? media)
    {
        Error = error;
        Reason = reason;
        LocalDescription = local;
        Media = media;
    }

    [MemberNotNullWhen(true, nameof(Media))]
    public bool Success => Error == SdpNegotiationError.None;

    public SdpNegotiationError Error { get; }

    /// <summary>A human-readable reason when failed (for logs and a SIP Warning header).</summary>
    public string? Reason { get; }

    /// <summary>Our answer (when answering an offer); null when applying a remote answer or on failure.</summary>
    public SdpSessionDescription? LocalDescription { get; }

    public NegotiatedMedia? Media { get; }

    internal static SdpNegotiationResult Ok(SdpSessionDescription? local, NegotiatedMedia media) => new(SdpNegotiationError.None, null, local, media);

    internal static SdpNegotiationResult Fail(SdpNegotiationError error, string reason) => new(error, reason, null, null);
}
