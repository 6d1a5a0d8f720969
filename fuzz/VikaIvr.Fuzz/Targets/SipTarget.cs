using VikaIvr.Sip.Message;

namespace VikaIvr.Fuzz.Targets;

/// <summary>
/// The SIP edge as the transports drive it: a datagram parsed (both overloads, validator on), the
/// same bytes framed as a TCP stream, then every view the UA core reads and a 400 built for it.
/// SipParser refuses with false; nothing here may throw.
/// </summary>
internal sealed class SipTarget : IFuzzTarget
{
    public string Name => "sip";

    public string Covers => "SipParser.TryParse (both overloads) + SipMessageValidator + SipStreamFramer + header views";

    public void Run(ReadOnlySpan<byte> input)
    {
        Datagram(input);
        if (SipParser.TryParse(input.ToArray().AsMemory(), SipParserOptions.Default, out var shared, out _))
        {
            SipViews.Touch(shared);
        }

        // Made per run: instrumented code must not run before SharpFuzz has set up afl's shared memory.
        var framer = new SipStreamFramer(SipParserOptions.Default);
        var rest = input;
        while (true)
        {
            var frame = framer.Frame(rest);
            rest = rest[frame.Skip..];
            if (frame.Status != SipFrameStatus.Complete)
            {
                break;
            }

            Datagram(rest[..frame.Length]);
            rest = rest[frame.Length..];
        }
    }

    private static void Datagram(ReadOnlySpan<byte> data)
    {
        if (SipParser.TryParse(data, SipParserOptions.Default, out var message, out var error))
        {
            SipViews.RequireNoExcludedControls(data);
            SipViews.Touch(message);
        }
        else if (error?.PartialMessage is { } partial)
        {
            // The transports answer a refused request with a 400 built from what was read.
            SipViews.Touch(partial);
        }
    }
}
