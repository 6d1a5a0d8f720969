using System.Buffers.Binary;
using VikaIvr.Media.Dtmf.Events;

namespace VikaIvr.Fuzz.Targets;

/// <summary>
/// A run of RFC 4733 telephone-event packets through one receiver. The input is a sequence of
/// records: payload length (low 3 bits, so short and long payloads both occur), a 4-byte RTP
/// timestamp, a 1-byte arrival step in 10 ms units, then the payload.
/// </summary>
internal sealed class Rfc4733Target : IFuzzTarget
{
    public string Name => "rfc4733";

    public string Covers => "TelephoneEvent.TryRead + DtmfEventReceiver.Process/TryExpire over a packet sequence";

    public void Run(ReadOnlySpan<byte> input)
    {
        _ = TelephoneEvent.TryRead(input, out _);
        var receiver = new DtmfEventReceiver(TimeSpan.FromMilliseconds(800));
        Span<DtmfEventDigit> completed = stackalloc DtmfEventDigit[2];
        long now = 0;
        while (input.Length >= 6)
        {
            var length = input[0] & 0x07;
            var timestamp = BinaryPrimitives.ReadUInt32BigEndian(input[1..]);
            now += input[5] * 10L;
            input = input[6..];
            var payload = input[..Math.Min(length, input.Length)];
            input = input[payload.Length..];
            var count = receiver.Process(timestamp, payload, now, completed);
            for (var i = 0; i < count; i++)
            {
                if (!TelephoneEvent.TryFromDigit(completed[i].Digit, out _) || completed[i].DurationSamples < 0)
                {
                    throw new FuzzInvariantException($"completed a digit '{completed[i].Digit}' lasting {completed[i].DurationSamples} samples");
                }
            }

            _ = receiver.TryExpire(now, out _);
        }

        _ = receiver.TryExpire(now + 1000, out _);
    }
}
