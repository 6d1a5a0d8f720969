namespace VikaIvr.Sip.Message;

/// <summary>
/// Where a message's header section ends, by the parser's rule: the first empty line (LF or CRLF)
/// that follows a line's LF. Line ends may be CRLF or a bare LF (RFC 3261 7.5 asks for CRLF; the
/// parser tolerates LF), so the separator may be CRLF CRLF, LF LF, LF CRLF or CRLF LF.
/// </summary>
public static class SipHeaderEnd
{
    /// <summary>
    /// The offset where the separator starts (the last header's line end), or -1 when there is no
    /// empty line yet; <paramref name="separatorLength"/> is the separator's bytes, so the body
    /// starts at the offset plus it.
    /// </summary>
    public static int Find(ReadOnlySpan<byte> data, out int separatorLength)
    {
        separatorLength = 0;
        int pos = 0;
        while (true)
        {
            int lf = data[pos..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return -1;
            }

            lf += pos;
            int lineEnd = lf > 0 && data[lf - 1] == '\r' ? lf - 1 : lf;
            int next = lf + 1;
            if (next < data.Length && data[next] == '\n')
            {
                separatorLength = next + 1 - lineEnd;
                return lineEnd;
            }

            if (next + 1 < data.Length && data[next] == '\r' && data[next + 1] == '\n')
            {
                separatorLength = next + 2 - lineEnd;
                return lineEnd;
            }

            pos = next;
        }
    }
}
