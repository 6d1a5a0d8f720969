using System.Net.Sockets;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Sdp;

/// <summary>
/// The common answer, written straight to the UTF-8 body: an offer of one plain audio stream
/// (<see cref="SdpPlainOffer"/>) is read from its text and answered without an object graph for
/// either side. The body is byte for byte what the general path would write; the description
/// objects are made from it only when asked for.
/// </summary>
public sealed partial class SdpOfferAnswer
{
    private const int PlainAnswerBytes = 1024;

    /// <summary>Answers the offer in <paramref name="text"/>: the plain path when it applies, else the full parse.</summary>
    private SdpNegotiationResult AnswerText(ReadOnlySpan<char> text)
    {
        if (_options.Srtp != SrtpMode.Required && SdpPlainOffer.TryRead(text, out var plain) && TryAnswerPlain(plain) is { } answered)
        {
            return answered;
        }

        return SdpParser.TryParse(text, out var sdp, out string? error)
            ? Answer(sdp)
            : SdpNegotiationResult.Fail(SdpNegotiationError.Malformed, error ?? "malformed SDP");
    }

    /// <summary>Null, changing nothing, when the general path must answer (it gives the same refusals).</summary>
    private SdpNegotiationResult? TryAnswerPlain(SdpPlainOffer offer)
    {
        if (!offer.TryPickCodec(_options.Codecs, out var codec) || !offer.TryReadEndPoint(out var remote))
        {
            return null;
        }

        int? te = _options.TelephoneEvent ? offer.FindTelephoneEvent() : null;
        int ptime = offer.ReadPtime(_options.DefaultPtimeMs);
        var direction = offer.ReadDirection().Reverse();
        if (remote is null)
        {
            // RFC 2543 hold (c=0.0.0.0): the peer wants nothing sent to it.
            direction = direction.Receives() ? SdpDirection.RecvOnly : SdpDirection.Inactive;
        }

        Span<byte> body = stackalloc byte[PlainAnswerBytes];
        var answer = new PlainAnswer(offer.Protocol, codec, te, ptime, direction);
        if (!TryWrite(body, answer, _sessionVersion, out int length))
        {
            return null;
        }

        // RFC 3264 8: same version when nothing changed, version + 1 otherwise (compared after the o= line).
        if (ChangedSinceLast(body[..length]))
        {
            if (!TryWrite(body, answer, _sessionVersion + 1, out length))
            {
                return null;
            }

            _sessionVersion++;
        }

        var bytes = body[..length].ToArray();
        _lastBody = bytes;
        _localDescription = null;
        Current = new NegotiatedMedia(codec, te, ptime, remote, direction) { RemoteSsrc = offer.ReadSsrc() };
        return SdpNegotiationResult.Ok(bytes, Current);
    }

    /// <summary>The answer as <see cref="NewDescription"/> and <see cref="AudioSection"/> make it and <see cref="SdpSessionDescription.ToUtf8"/> writes it.</summary>
    private bool TryWrite(Span<byte> body, in PlainAnswer a, ulong version, out int length)
    {
        var address = LocalAddress;
        string type = address.AddressFamily == AddressFamily.InterNetworkV6 ? " IN IP6 " : " IN IP4 ";
        var w = new SdpBodyWriter(body);
        w.Text("v=0\r\no=");
        w.Text(_options.OriginUsername);
        w.Text(" ");
        w.Number(_sessionId);
        w.Text(" ");
        w.Number(version);
        w.Text(type);
        w.Address(address);
        w.Text("\r\ns=");
        w.Text(_options.SessionName);
        w.Text("\r\nc=");
        w.Text(type.AsSpan(1));
        w.Address(address);
        w.Text("\r\nt=0 0\r\nm=audio ");
        w.Number((ulong)LocalPort);
        w.Text(" ");
        w.Text(a.Protocol);
        w.Text(" ");
        w.Number((ulong)a.Codec);
        if (a.TelephoneEvent is int te)
        {
            w.Text(" ");
            w.Number((ulong)te);
        }

        w.Text("\r\na=rtpmap:");
        w.Text(a.Codec == RtpAudioCodec.Pcmu ? SdpCommonAttributes.RtpmapPcmu.Value : SdpCommonAttributes.RtpmapPcma.Value);
        w.Text("\r\n");
        if (a.TelephoneEvent is int pt)
        {
            w.Text("a=rtpmap:");
            w.Number((ulong)pt);
            w.Text(" telephone-event/8000\r\na=fmtp:");
            w.Number((ulong)pt);
            w.Text(" 0-16\r\n");
        }

        w.Text("a=ptime:");
        w.Number((ulong)a.Ptime);
        w.Text("\r\na=");
        w.Text(a.Direction.ToAttributeName());
        w.Text("\r\n");
        if (LocalSsrc != 0)
        {
            w.Text("a=ssrc:");
            w.Number(LocalSsrc);
            w.Text(" cname:");
            w.Text(LocalCname);
            w.Text("\r\n");
        }

        length = w.Length;
        return w.Ok;
    }

    /// <summary>What varies in a plain answer.</summary>
    private readonly ref struct PlainAnswer(ReadOnlySpan<char> protocol, RtpAudioCodec codec, int? telephoneEvent, int ptime, SdpDirection direction)
    {
        public ReadOnlySpan<char> Protocol { get; } = protocol;

        public RtpAudioCodec Codec { get; } = codec;

        public int? TelephoneEvent { get; } = telephoneEvent;

        public int Ptime { get; } = ptime;

        public SdpDirection Direction { get; } = direction;
    }
}
