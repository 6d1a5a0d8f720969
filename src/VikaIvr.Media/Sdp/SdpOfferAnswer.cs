using System.Net;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Media.Sdp;

/// <summary>
/// One call's RFC 3264 offer/answer state: answers the caller's offer (initial INVITE or
/// re-INVITE), makes our own offer for a late-offer INVITE and applies the peer's answer.
/// Keeps the o= session id stable and bumps the version only when our SDP changes.
/// </summary>
public sealed partial class SdpOfferAnswer
{
    private readonly SdpOfferAnswerOptions _options;
    private readonly ulong _sessionId;
    private ulong _sessionVersion;
    private byte[]? _lastBody;
    private SdpSessionDescription? _localDescription;

    /// <param name="localAddress">The address to advertise: the configured public media address, or the one the SIP request arrived on.</param>
    /// <param name="localPort">Our RTP port.</param>
    /// <param name="sessionId">The o= session id; a random one when null.</param>
    public SdpOfferAnswer(SdpOfferAnswerOptions options, IPAddress localAddress, int localPort, ulong? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(localAddress);
        _options = options;
        LocalAddress = localAddress;
        LocalPort = localPort;
        _sessionId = sessionId ?? (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        _sessionVersion = _sessionId;
    }

    public IPAddress LocalAddress { get; set; }

    public int LocalPort { get; set; }

    /// <summary>Our SSRC to announce (a=ssrc with <see cref="LocalCname"/>, RFC 5576) so a peer on a shared port can tell our packets apart; 0 announces none.</summary>
    public uint LocalSsrc { get; set; }

    public string LocalCname { get; set; } = "vikaivr";

    /// <summary>The SDP we last sent (offer or answer); after an answer written straight to its body, read from it when first asked for.</summary>
    public SdpSessionDescription? LocalDescription => _localDescription ??= LocalText is { } text ? SdpSessionDescription.Parse(text) : null;

    /// <summary><see cref="LocalDescription"/> as UTF-8, serialized once: the body to send (never changed once made).</summary>
    public ReadOnlyMemory<byte> LocalBody => _lastBody;

    /// <summary><see cref="LocalBody"/> as text, made each time it is asked for (logs and tests ask; a call never does, so none is kept per call).</summary>
    public string? LocalText => _lastBody is null ? null : System.Text.Encoding.UTF8.GetString(_lastBody);

    /// <summary>What is currently agreed; null before the first successful exchange.</summary>
    public NegotiatedMedia? Current { get; private set; }

    public SdpNegotiationResult Answer(string offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return AnswerText(offer);
    }

    /// <summary>Answers an offer given as the UTF-8 body it arrived in.</summary>
    public SdpNegotiationResult Answer(ReadOnlySpan<byte> offer)
    {
        using var text = new SdpUtf8Text(offer, stackalloc char[SdpUtf8Text.StackLimit]);
        return AnswerText(text.Chars);
    }

    /// <summary>Answers an offer (initial or re-offer). On failure nothing changes and the SIP layer sends 488.</summary>
    public SdpNegotiationResult Answer(SdpSessionDescription offer)
    {
        SdpMediaDescription? chosen = null;
        SdesCryptoAttribute? crypto = null;
        RtpAudioCodec codec = default;
        bool sawAudio = false;
        bool sawCodec = false;
        bool plainRefused = false;
        string? cryptoRefused = null;
        foreach (var m in offer.Media)
        {
            if (!SdpAudioReader.IsUsableAudio(m))
            {
                continue;
            }

            sawAudio = true;
            if (!SdpAudioReader.TryPickCodec(m, _options.Codecs, out codec, out _))
            {
                continue;
            }

            sawCodec = true;
            if (TryAcceptSecurity(m, out crypto, ref plainRefused, ref cryptoRefused))
            {
                chosen = m;
                break;
            }
        }

        if (chosen is null)
        {
            return !sawAudio ? SdpNegotiationResult.Fail(SdpNegotiationError.NoAudioStream, "no RTP/AVP or RTP/SAVP audio stream offered")
                : !sawCodec ? SdpNegotiationResult.Fail(SdpNegotiationError.NoCommonCodec, "no common codec (we accept " + string.Join(", ", _options.Codecs) + ")")
                : plainRefused ? SdpNegotiationResult.Fail(SdpNegotiationError.SrtpRequired, "SRTP is required (Media:Srtp) and the offer is plain RTP")
                : SdpNegotiationResult.Fail(SdpNegotiationError.NoAcceptableCrypto, cryptoRefused ?? "no acceptable SRTP crypto");
        }

        if (!SdpAudioReader.TryReadEndPoint(offer, chosen, out var remote))
        {
            return SdpNegotiationResult.Fail(SdpNegotiationError.Malformed, "no usable c= line for the audio stream");
        }

        int? te = _options.TelephoneEvent ? SdpAudioReader.FindTelephoneEvent(chosen) : null;
        int ptime = SdpAudioReader.ReadPtime(offer, chosen, _options.DefaultPtimeMs);
        var direction = SdpAudioReader.ReadDirection(offer, chosen).Reverse();
        if (remote is null)
        {
            // RFC 2543 hold (c=0.0.0.0): the peer wants nothing sent to it.
            direction = direction.Receives() ? SdpDirection.RecvOnly : SdpDirection.Inactive;
        }

        var srtp = crypto is null ? null : AnswerKey(crypto);
        var answer = NewDescription();
        foreach (var m in offer.Media)
        {
            if (!ReferenceEquals(m, chosen))
            {
                answer.Media.Add(new SdpMediaDescription { Media = m.Media, Port = 0, Protocol = m.Protocol, Formats = { m.Formats.Count > 0 ? m.Formats[0] : "0" } });
                continue;
            }

            var section = AudioSection(chosen.Protocol, [codec], te, ptime, direction);
            if (srtp is not null)
            {
                section.Attributes.Add(CryptoLine(new SdesCryptoAttribute(crypto!.Tag, srtp.Suite, srtp.LocalKey)));
            }

            answer.Media.Add(section);
        }

        Commit(answer);
        Current = new NegotiatedMedia(codec, te, ptime, remote, direction) { Srtp = srtp, RemoteSsrc = SdpAudioReader.ReadSsrc(chosen) };
        return SdpNegotiationResult.Ok(answer, Current);
    }

    /// <summary>Our offer: for an INVITE without SDP (sent in the 200), or a re-INVITE of our own.</summary>
    public SdpSessionDescription CreateOffer(SdpDirection direction = SdpDirection.SendRecv)
    {
        var offer = NewDescription();
        int? te = _options.TelephoneEvent ? _options.OfferTelephoneEventPayloadType : null;
        bool secure = _options.Srtp == SrtpMode.Required;
        var section = AudioSection(secure ? "RTP/SAVP" : "RTP/AVP", _options.Codecs, te, _options.DefaultPtimeMs, direction);
        if (secure)
        {
            AddOfferedCrypto(section);
        }

        offer.Media.Add(section);
        Commit(offer);
        return offer;
    }

    public SdpNegotiationResult ApplyAnswer(string answer)
        => SdpSessionDescription.TryParse(answer, out var sdp, out string? error)
            ? ApplyAnswer(sdp)
            : SdpNegotiationResult.Fail(SdpNegotiationError.Malformed, error ?? "malformed SDP");

    /// <summary>Applies the peer's answer (in the ACK after a late offer, or a re-INVITE's 200).</summary>
    public SdpNegotiationResult ApplyAnswer(SdpSessionDescription answer)
    {
        foreach (var m in answer.Media)
        {
            if (!SdpAudioReader.IsUsableAudio(m))
            {
                continue;
            }

            if (!SdpAudioReader.TryPickCodec(m, _options.Codecs, out var codec, out _))
            {
                return SdpNegotiationResult.Fail(SdpNegotiationError.NoCommonCodec, "the answer chose a codec we did not offer");
            }

            if (!SdpAudioReader.TryReadEndPoint(answer, m, out var remote))
            {
                return SdpNegotiationResult.Fail(SdpNegotiationError.Malformed, "no usable c= line for the audio stream");
            }

            int? te = _options.TelephoneEvent ? SdpAudioReader.FindTelephoneEvent(m) : null;
            int ptime = SdpAudioReader.ReadPtime(answer, m, _options.DefaultPtimeMs);
            var ourOffer = LocalDescription?.Media.Count > 0 ? LocalDescription.Media[0].Direction ?? SdpDirection.SendRecv : SdpDirection.SendRecv;
            var theirs = SdpAudioReader.ReadDirection(answer, m);
            var direction = Intersect(ourOffer, theirs.Reverse());
            if (!TryReadAnsweredCrypto(m, out var srtp, out string? refusal))
            {
                return SdpNegotiationResult.Fail(SdpNegotiationError.NoAcceptableCrypto, refusal!);
            }

            Current = new NegotiatedMedia(codec, te, ptime, remote, direction) { Srtp = srtp, RemoteSsrc = SdpAudioReader.ReadSsrc(m) };
            return SdpNegotiationResult.Ok((SdpSessionDescription?)null, Current);
        }

        return SdpNegotiationResult.Fail(SdpNegotiationError.NoAudioStream, "the answer rejected the audio stream");
    }

    private static SdpDirection Intersect(SdpDirection a, SdpDirection b)
    {
        bool send = a.Sends() && b.Sends();
        bool recv = a.Receives() && b.Receives();
        return send ? (recv ? SdpDirection.SendRecv : SdpDirection.SendOnly) : (recv ? SdpDirection.RecvOnly : SdpDirection.Inactive);
    }

    private SdpSessionDescription NewDescription()
    {
        var c = SdpConnection.For(LocalAddress);
        return new SdpSessionDescription
        {
            Origin = new SdpOrigin(_options.OriginUsername, _sessionId, _sessionVersion, c.NetType, c.AddressType, c.Address),
            SessionName = _options.SessionName,
            Connection = c,
        };
    }

    private SdpMediaDescription AudioSection(string protocol, IList<RtpAudioCodec> codecs, int? te, int ptime, SdpDirection direction)
    {
        var m = new SdpMediaDescription { Media = "audio", Port = LocalPort, Protocol = protocol };
        // Indexed: a foreach over the IList would box its enumerator on every answer.
        for (int i = 0; i < codecs.Count; i++)
        {
            var codec = codecs[i];
            m.Formats.Add(((int)codec).ToString(System.Globalization.CultureInfo.InvariantCulture));
            m.Attributes.Add(codec == RtpAudioCodec.Pcmu ? SdpCommonAttributes.RtpmapPcmu : SdpCommonAttributes.RtpmapPcma);
        }

        if (te is int pt)
        {
            // 101, what nearly every caller uses, without building its lines.
            string p = pt == 101 ? "101" : pt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            m.Formats.Add(p);
            m.Attributes.Add(pt == 101 ? SdpCommonAttributes.RtpmapEvent101 : new SdpAttribute("rtpmap", p + " telephone-event/8000"));
            m.Attributes.Add(pt == 101 ? SdpCommonAttributes.FmtpEvent101 : new SdpAttribute("fmtp", p + " 0-16"));
        }

        m.Attributes.Add(ptime == 20 ? SdpCommonAttributes.Ptime20 : new SdpAttribute("ptime", ptime.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        m.Attributes.Add(SdpCommonAttributes.Get(direction.ToAttributeName()));
        if (LocalSsrc != 0)
        {
            m.Attributes.Add(new SdpAttribute("ssrc", LocalSsrc.ToString(System.Globalization.CultureInfo.InvariantCulture) + " cname:" + LocalCname));
        }

        return m;
    }

    private void Commit(SdpSessionDescription sdp)
    {
        // RFC 3264 8: same version when nothing changed, version + 1 otherwise (compared after the o= line).
        // Written straight to the UTF-8 body the SIP layer sends: no string of it is made.
        byte[] body = sdp.ToUtf8();
        if (ChangedSinceLast(body))
        {
            _sessionVersion++;
            sdp.Origin = sdp.Origin with { SessionVersion = _sessionVersion };
            body = sdp.ToUtf8();
        }

        _lastBody = body;
        _localDescription = sdp;
    }

    /// <summary>
    /// True when a body was sent before and <paramref name="body"/> differs from it after the o= line.
    /// The last body's o= line is found again here (only a re-offer asks), not kept per call.
    /// </summary>
    private bool ChangedSinceLast(ReadOnlySpan<byte> body)
        => _lastBody is { } last && !last.AsSpan(AfterOrigin(last)).SequenceEqual(body[AfterOrigin(body)..]);

    private static int AfterOrigin(ReadOnlySpan<byte> body)
    {
        int firstLineEnd = body.IndexOf("\r\no="u8);
        return firstLineEnd + 2 + body[(firstLineEnd + 2)..].IndexOf("\r\n"u8);
    }
}
