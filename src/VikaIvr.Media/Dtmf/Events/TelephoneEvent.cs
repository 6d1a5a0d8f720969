using System.Buffers.Binary;

namespace VikaIvr.Media.Dtmf.Events;

/// <summary>The 4-byte RFC 4733 named-event payload (section 2.3).</summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Size = 4;

    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public int Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Size;
    }

    /// <summary>Maps DTMF event codes 0–15 to '0'–'9', '*', '#', 'A'–'D'; '\0' for other events.</summary>
    public static char ToDigit(byte code) => code switch
    {
        <= 9 => (char)('0' + code),
        10 => '*',
        11 => '#',
        >= 12 and <= 15 => (char)('A' + (code - 12)),
        _ => '\0',
    };

    public static bool TryFromDigit(char digit, out byte code)
    {
        switch (digit)
        {
            case >= '0' and <= '9': code = (byte)(digit - '0'); return true;
            case '*': code = 10; return true;
            case '#': code = 11; return true;
            case >= 'A' and <= 'D': code = (byte)(12 + (digit - 'A')); return true;
            case >= 'a' and <= 'd': code = (byte)(12 + (digit - 'a')); return true;
            default: code = 0; return false;
        }
    }
}
