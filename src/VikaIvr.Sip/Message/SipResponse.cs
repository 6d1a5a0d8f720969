using System.Globalization;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>A SIP response. <see cref="CreateFor"/> builds one that matches a request.</summary>
public sealed class SipResponse : SipMessage
{
    private readonly ReadOnlyMemory<byte> _rawReason;
    private string? _reason;
    private bool _reasonReplaced;

    public SipResponse(int statusCode, string? reasonPhrase = null)
        : base(new SipHeaderCollection(), ReadOnlyMemory<byte>.Empty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        _reason = reasonPhrase ?? SipStatusCodes.GetReason(statusCode);
    }

    private SipResponse(int statusCode, string? reasonPhrase, SipHeaderCollection headers)
        : base(headers, ReadOnlyMemory<byte>.Empty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        _reason = reasonPhrase ?? SipStatusCodes.GetReason(statusCode);
    }

    internal SipResponse(int statusCode, ReadOnlyMemory<byte> rawReason, SipHeaderCollection headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        StatusCode = statusCode;
        _rawReason = rawReason;
    }

    public override bool IsRequest => false;

    public int StatusCode { get; }

    /// <summary>The reason phrase (may be empty, may be any UTF-8 text).</summary>
    public string ReasonPhrase
    {
        get => _reason ??= Encoding.UTF8.GetString(_rawReason.Span);
        set
        {
            _reason = value;
            _reasonReplaced = true;
        }
    }

    /// <summary>The received reason bytes while the phrase is unchanged and undecoded.</summary>
    internal ReadOnlySpan<byte> RawReasonPhrase => _reasonReplaced ? default : _rawReason.Span;

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>
    /// A response to <paramref name="request"/> per RFC 3261 8.2.6.2: all Via lines in order,
    /// From, To (with <paramref name="toTag"/> added when the request's To has none), Call-ID
    /// and CSeq. Record-Route, Contact and the body are left to the caller.
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        CreateFor(request, statusCode, reasonPhrase, toTag, 6);

    /// <summary>As <see cref="CreateFor(SipRequest, int, string?, string?)"/> with room for <paramref name="room"/> lines the caller adds (0 for a 100 Trying sent as it is).</summary>
    internal static SipResponse CreateFor(SipRequest request, int statusCode, string? reasonPhrase, string? toTag, int room)
    {
        var source = request.Headers;
        var copied = 0;
        for (var i = 0; i < source.Count; i++)
        {
            copied += source.EntryAt(i).Id is SipHeaderId.Via or SipHeaderId.From or SipHeaderId.To or SipHeaderId.CallId or SipHeaderId.CSeq ? 1 : 0;
        }

        // Room for the copied lines and what the caller adds (Contact, Allow, Server, Content-Type...).
        var response = new SipResponse(statusCode, reasonPhrase, new SipHeaderCollection(source, copied + room));
        var target = response.Headers;
        for (var i = 0; i < source.Count; i++)
        {
            ref var e = ref source.EntryAt(i);
            if (e.Id is SipHeaderId.Via or SipHeaderId.From or SipHeaderId.CallId or SipHeaderId.CSeq)
            {
                target.AddCopy(source, i);
            }
            else if (e.Id == SipHeaderId.To)
            {
                if (toTag is not null && request.HasValidTo && request.ToTag is null)
                {
                    target.AddCopyWithTag(source, i, toTag);
                }
                else
                {
                    target.AddCopy(source, i);
                }
            }
        }

        return response;
    }

    public override string ToString() =>
        "SIP/2.0 " + StatusCode.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrase;
}
