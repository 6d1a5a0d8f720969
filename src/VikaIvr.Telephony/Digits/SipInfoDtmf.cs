using VikaIvr.Flows.Digits;

namespace VikaIvr.Telephony.Digits;

/// <summary>Reads the key from a SIP INFO body: application/dtmf-relay ("Signal=5\r\nDuration=160") or application/dtmf ("5").</summary>
public static class SipInfoDtmf
{
    public static bool TryParse(string contentType, ReadOnlySpan<byte> body, out char digit)
    {
        digit = '\0';
        string type = contentType.Split(';', 2)[0].Trim();
        if (type.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase))
            return TryKey(body.Trim((byte)' ').Trim("\r\n\t"u8), out digit);
        if (!type.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase)) return false;
        while (!body.IsEmpty)
        {
            int nl = body.IndexOfAny((byte)'\n', (byte)'\r');
            var line = nl < 0 ? body : body[..nl];
            body = nl < 0 ? default : body[(nl + 1)..];
            int eq = line.IndexOf((byte)'=');
            if (eq < 0) continue;
            var name = line[..eq].Trim(" \t"u8);
            if (!System.Text.Ascii.EqualsIgnoreCase(name, "Signal"u8)) continue;
            return TryKey(line[(eq + 1)..].Trim(" \t"u8), out digit);
        }
        return false;
    }

    private static bool TryKey(ReadOnlySpan<byte> value, out char digit)
    {
        digit = '\0';
        if (value.Length == 1)
        {
            char c = char.ToUpperInvariant((char)value[0]);
            if (DigitQueue.IsDtmfKey(c)) { digit = c; return true; }
            return false;
        }
        // RFC 4733 event codes are sometimes sent as numbers: 10 = '*', 11 = '#', 12-15 = A-D.
        if (value.Length == 2 && value[0] == (byte)'1' && value[1] is >= (byte)'0' and <= (byte)'5')
        {
            digit = "*#ABCD"[value[1] - '0'];
            return true;
        }
        return false;
    }
}
