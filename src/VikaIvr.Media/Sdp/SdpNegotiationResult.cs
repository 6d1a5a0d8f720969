using System.Diagnostics.CodeAnalysis;

namespace VikaIvr.Media.Sdp;

/// <summary>The outcome of answering an offer or applying an answer.</summary>
public sealed class SdpNegotiationResult
{
    private SdpSessionDescription? _local;
    private readonly byte[]? _localBody;

    private SdpNegotiationResult(SdpNegotiationError error, string? reason, SdpSessionDescription? local, NegotiatedMedia? media, byte[]? localBody = null)
    {
        Error = error;
        Reason = reason;
        _local = local;
        _localBody = localBody;
        Media = media;
    }

    [MemberNotNullWhen(true, nameof(Media))]
    public bool Success => Error == SdpNegotiationError.None;

    public SdpNegotiationError Error { get; }

    /// <summary>A human-readable reason when failed (for logs and a SIP Warning header).</summary>
    public string? Reason { get; }

    /// <summary>Our answer (when answering an offer); null when applying a remote answer or on failure.</summary>
    public SdpSessionDescription? LocalDescription
        => _local ??= _localBody is null ? null : SdpSessionDescription.Parse(System.Text.Encoding.UTF8.GetString(_localBody));

    public NegotiatedMedia? Media { get; }

    internal static SdpNegotiationResult Ok(SdpSessionDescription? local, NegotiatedMedia media) => new(SdpNegotiationError.None, null, local, media);

    /// <summary>An answer written straight to its body: the description is read from it when asked for.</summary>
    internal static SdpNegotiationResult Ok(byte[] localBody, NegotiatedMedia media) => new(SdpNegotiationError.None, null, null, media, localBody);

    internal static SdpNegotiationResult Fail(SdpNegotiationError error, string reason) => new(error, reason, null, null);
}
