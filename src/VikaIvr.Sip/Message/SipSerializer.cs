using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Writes messages to bytes. Unchanged parsed headers are copied byte for byte; Content-Length
/// is never copied but always written last from the actual body length.
/// </summary>
public static class SipSerializer
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>Writes the message into <paramref name="writer"/>; returns the byte count.</summary>
    public static int Write(SipMessage message, IBufferWriter<byte> writer)
    {
        var length = Measure(message);
        var span = writer.GetSpan(length);
        Write(message, span);
        writer.Advance(length);
        return length;
    }

    public static byte[] ToArray(SipMessage message)
    {
        var bytes = new byte[Measure(message)];
        Write(message, bytes);
        return bytes;
    }

    /// <summary>The exact number of bytes <see cref="Write(SipMessage, Span{byte})"/> produces.</summary>
    public static int Measure(SipMessage message)
    {
        var n = StartLineLength(message) + 2;
        var headers = message.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            ref var e = ref headers.EntryAt(i);
            if (e.Id == SipHeaderId.ContentLength)
            {
                continue;
            }

            n += e.IsRaw ? e.NameLength + 2 + e.ValueLength + 2
                : e.IsSpliced ? SipHeaderNames.GetName(e.Id).Length + 2 + headers.SplicedLength(i) + 2
                : Encoding.UTF8.GetByteCount(headers.NameAt(i)) + 2 + Encoding.UTF8.GetByteCount(headers.ValueAt(i)) + 2;
        }

        n += "Content-Length: "u8.Length + SipText.DigitCount(message.Body.Length) + 4;
        return n + message.Body.Length;
    }

    /// <summary>Writes into a span at least <see cref="Measure"/> long; returns the byte count.</summary>
    public static int Write(SipMessage message, Span<byte> destination)
    {
        var pos = WriteStartLine(message, destination);
        pos += Put(Crlf, destination[pos..]);
        var headers = message.Headers;
        var source = headers.Source.Span;
        for (var i = 0; i < headers.Count; i++)
        {
            ref var e = ref headers.EntryAt(i);
            if (e.Id == SipHeaderId.ContentLength)
            {
                continue;
            }

            if (e.IsRaw)
            {
                pos += Put(source.Slice(e.NameStart, e.NameLength), destination[pos..]);
                pos += Put(": "u8, destination[pos..]);
                pos += Put(source.Slice(e.ValueStart, e.ValueLength), destination[pos..]);
            }
            else if (e.IsSpliced)
            {
                // The raw value with its stamp or tag written in (no string for the value).
                pos += Encoding.ASCII.GetBytes(SipHeaderNames.GetName(e.Id), destination[pos..]);
                pos += Put(": "u8, destination[pos..]);
                pos += headers.WriteSpliced(i, destination[pos..]);
            }
            else
            {
                pos += Encoding.UTF8.GetBytes(headers.NameAt(i), destination[pos..]);
                pos += Put(": "u8, destination[pos..]);
                pos += Encoding.UTF8.GetBytes(headers.ValueAt(i), destination[pos..]);
            }

            pos += Put(Crlf, destination[pos..]);
        }

        pos += Put("Content-Length: "u8, destination[pos..]);
        Utf8Formatter.TryFormat(message.Body.Length, destination[pos..], out var written);
        pos += written;
        pos += Put("\r\n\r\n"u8, destination[pos..]);
        pos += Put(message.Body.Span, destination[pos..]);
        return pos;
    }

    private static int StartLineLength(SipMessage message) => message switch
    {
        SipRequest r => Encoding.UTF8.GetByteCount(r.Method) + 1 + UriLength(r) + 8,
        SipResponse s => 12 + (s.RawReasonPhrase.IsEmpty ? Encoding.UTF8.GetByteCount(s.ReasonPhrase) : s.RawReasonPhrase.Length),
        _ => throw new ArgumentException("Unknown message type", nameof(message)),
    };

    private static int WriteStartLine(SipMessage message, Span<byte> d)
    {
        var pos = 0;
        if (message is SipRequest r)
        {
            pos += Encoding.UTF8.GetBytes(r.Method, d);
            d[pos++] = (byte)' ';
            pos += r.RawRequestUri.IsEmpty
                ? Encoding.UTF8.GetBytes(r.RequestUriText, d[pos..])
                : Put(r.RawRequestUri, d[pos..]);
            pos += Put(" SIP/2.0"u8, d[pos..]);
            return pos;
        }

        var s = (SipResponse)message;
        pos += Put("SIP/2.0 "u8, d);
        Utf8Formatter.TryFormat(s.StatusCode, d[pos..], out var w);
        pos += w;
        d[pos++] = (byte)' ';
        pos += s.RawReasonPhrase.IsEmpty
            ? Encoding.UTF8.GetBytes(s.ReasonPhrase, d[pos..])
            : Put(s.RawReasonPhrase, d[pos..]);
        return pos;
    }

    private static int UriLength(SipRequest r) =>
        r.RawRequestUri.IsEmpty ? Encoding.UTF8.GetByteCount(r.RequestUriText) : r.RawRequestUri.Length;

    private static int Put(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
