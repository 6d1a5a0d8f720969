using System.Net;
using System.Text;
using VikaIvr.Media.Sdp;

namespace VikaIvr.Fuzz.Targets;

/// <summary>
/// A peer's SDP as the call answers it: parsed, answered as an offer (initial and re-offer), and
/// applied as the answer to our own offer. Refusals are results (488 reasons), never exceptions.
/// </summary>
internal sealed class SdpTarget : IFuzzTarget
{
    public string Name => "sdp";

    public string Covers => "SdpSessionDescription.TryParse + SdpOfferAnswer.Answer/ApplyAnswer";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (SdpSessionDescription.TryParse(text, out var sdp, out _))
        {
            _ = (sdp.ToString(), sdp.Direction);
        }

        var answerer = new SdpOfferAnswer(new SdpOfferAnswerOptions(), IPAddress.Loopback, 40000, 1);
        if (answerer.Answer(text).Success)
        {
            _ = answerer.LocalDescription?.ToString();
            _ = answerer.Answer(text); // the same offer again, as a re-INVITE
        }

        var offerer = new SdpOfferAnswer(new SdpOfferAnswerOptions(), IPAddress.Loopback, 40002, 2);
        _ = offerer.CreateOffer().ToString();
        _ = offerer.ApplyAnswer(text);
    }
}
