using System.Text;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>Netstring framing ("LEN:payload,"), as baresip's ctrl_tcp module speaks it.</summary>
public static class Netstring
{
    public static byte[] Encode(string payload)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var prefix = Encoding.ASCII.GetBytes(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
        var frame = new byte[prefix.Length + body.Length + 1];
        prefix.CopyTo(frame, 0);
        body.CopyTo(frame, prefix.Length);
        frame[^1] = (byte)',';
        return frame;
    }

    /// <summary>
    /// Takes every complete frame from the start of <paramref name="buffer"/>; the incomplete rest stays.
    /// </summary>
    public static List<string> Drain(List<byte> buffer)
    {
        var frames = new List<string>();
        while (true)
        {
            var colon = buffer.IndexOf((byte)':');
            if (colon <= 0)
            {
                return frames;
            }

            var length = 0;
            for (var i = 0; i < colon; i++)
            {
                var digit = buffer[i] - '0';
                if (digit is < 0 or > 9)
                {
                    throw new FormatException("bad netstring length prefix from baresip");
                }

                length = checked((length * 10) + digit);
            }

            var end = colon + 1 + length;
            if (buffer.Count < end + 1)
            {
                return frames;
            }

            if (buffer[end] != ',')
            {
                throw new FormatException("netstring from baresip does not end with ','");
            }

            frames.Add(Encoding.UTF8.GetString(buffer.GetRange(colon + 1, length).ToArray()));
            buffer.RemoveRange(0, end + 1);
        }
    }
}
