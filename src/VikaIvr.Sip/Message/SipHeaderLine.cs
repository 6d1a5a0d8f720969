namespace VikaIvr.Sip.Message;

/// <summary>Reads one header line, following folds (a line starting with SP/HT continues the previous).</summary>
internal static class SipHeaderLine
{
    public static bool TryRead(ReadOnlySpan<byte> data, ref int pos, out HeaderEntry entry, out string? fault)
    {
        entry = default;
        fault = null;
        var start = pos;
        if (data[pos] is (byte)' ' or (byte)'\t')
        {
            fault = "Continuation line without a header";
            return false;
        }

        var end = FindLineEnd(data, pos, out var next);
        if (end < 0)
        {
            fault = "Headers not terminated by an empty line";
            return false;
        }

        var line = data[start..end];
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            fault = "Header line without a colon";
            return false;
        }

        var nameLength = colon;
        while (nameLength > 0 && line[nameLength - 1] is (byte)' ' or (byte)'\t')
        {
            nameLength--;
        }

        var name = line[..nameLength];
        if (name.IsEmpty)
        {
            fault = "Header line with an empty name";
            return false;
        }

        if (nameLength > ushort.MaxValue)
        {
            fault = "Header name too long";
            return false;
        }

        if (name.ContainsAnyExcept(SipText.TokenBytes))
        {
            fault = "Header name is not a token";
            return false;
        }

        // A CR is trimmed only as part of a fold's CRLF: a bare one stays in the value, where the
        // validator refuses it with 400 (found by fuzzing: "tag=1\r\r\n" lost its CR silently).
        var v = colon + 1;
        var ve = line.Length;
        while (v < ve && (line[v] is (byte)' ' or (byte)'\t' or (byte)'\n' || IsCrOfCrlf(line, v)))
        {
            v++;
        }

        while (ve > v && (line[ve - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' || IsCrOfCrlf(line, ve - 1)))
        {
            ve--;
        }

        entry = new HeaderEntry
        {
            Id = SipHeaderNames.Resolve(name),
            NameStart = start,
            NameLength = (ushort)nameLength,
            ValueStart = start + v,
            ValueLength = ve - v,
        };
        pos = next;
        return true;
    }

    private static bool IsCrOfCrlf(ReadOnlySpan<byte> line, int i) =>
        line[i] == '\r' && i + 1 < line.Length && line[i + 1] == '\n';

    /// <summary>End of the logical line (before its final CRLF); <paramref name="next"/> is the following line.</summary>
    private static int FindLineEnd(ReadOnlySpan<byte> data, int pos, out int next)
    {
        next = -1;
        while (true)
        {
            var lf = data[pos..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return -1;
            }

            lf += pos;
            var after = lf + 1;
            if (after < data.Length && data[after] is (byte)' ' or (byte)'\t')
            {
                pos = after;
                continue;
            }

            next = after;
            return lf > 0 && data[lf - 1] == '\r' ? lf - 1 : lf;
        }
    }
}
