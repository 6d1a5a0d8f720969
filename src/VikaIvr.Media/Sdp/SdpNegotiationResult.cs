using System.Diagnostics.CodeAnalysis;

namespace VikaIvr.Media.Sdp;

/// <summary>The outcome of answering an offer or applying an answer.</summary>
public sealed class SdpNegotiationResult
{
    // Our answer's description, or the UTF-8 body it is read from when first asked for (one field,
    // not one of each, for every call: a call never asks).
    private object? _local;

    private SdpNegotiationResult(SdpNegotiationError error, string? reason, object? local, NegotiatedMedia? media)
    {
        Error = error;
        Reason = reason;
        _local = local;
        Media = media;
    }

    [MemberNotNullWhen(true, nameof(Media))]
    public bool Success => Error == SdpNegotiationError.None;

    public SdpNegotiationError Error { get; }

    /// <summary>A human-readable reason when failed (for logs and a SIP Warning header).</summary>
    public string? Reason { get; }

    /// <summary>Our answer (when answering an offer); null when applying a remote answer or on failure.</summary>
    public SdpSessionDescription? LocalDescription => _local is byte[] body
        ? (SdpSessionDescription)(_local = SdpSessionDescription.Parse(System.Text.Encoding.UTF8.GetString(body)))
        : (SdpSessionDescription?)_local;

    public NegotiatedMedia? Media { get; }

    internal static SdpNegotiationResult Ok(SdpSessionDescription? local, NegotiatedMedia media) => new(SdpNegotiationError.None, null, local, media);

    /// <summary>An answer written straight to its body: the description is read from it when asked for.</summary>
    internal static SdpNegotiationResult Ok(byte[] localBody, NegotiatedMedia media) => new(SdpNegotiationError.None, null, localBody, media);

    internal static SdpNegotiationResult Fail(SdpNegotiationError error, string reason) => new(error, reason, null, null);
}
