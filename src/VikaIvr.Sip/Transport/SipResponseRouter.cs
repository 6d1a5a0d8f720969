using System.Globalization;
using System.Net;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// Server-side Via handling of RFC 3261 18.2 with RFC 3581: stamps received/rport on the top
/// Via of a response and picks where the response goes.
/// </summary>
public static class SipResponseRouter
{
    /// <summary>
    /// Adds <c>received</c> when the sent-by host is not the source address and fills an empty
    /// <c>rport</c> with the source port, on the top Via of <paramref name="response"/>.
    /// </summary>
    public static void StampTopVia(SipResponse response, SipEndPoint source) => StampTopVia(response, source, null);

    /// <summary>
    /// As <see cref="StampTopVia(SipResponse, SipEndPoint)"/>; when the response's top Via line is
    /// <paramref name="request"/>'s own (shared bytes), the request's parsed top Via is used.
    /// </summary>
    internal static void StampTopVia(SipResponse response, SipEndPoint source, SipRequest? request)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        var i = headers.IndexOf(SipHeaderId.Via, null, 0);
        if (i < 0)
        {
            return;
        }

        // The line's first value: the request's when the line is its first Via line, else parsed
        // from the stack when the line is short (no string for the line).
        var top = request is not null && headers.IsSameLine(i, request.Headers, request.Headers.IndexOf(SipHeaderId.Via, null, 0))
            ? request.FirstLineTopVia
            : null;
        top ??= headers.ParseAt(i, static chars =>
        {
            foreach (var item in SipList.Items(chars))
            {
                return SipVia.TryParse(item, build: true, out var via, out _) ? via : null;
            }

            return null;
        });
        if (top is null)
        {
            return;
        }

        // What Stamp would add, written straight into the new text (no stamped copy of the Via).
        var received = NeedsReceived(top, source) ? source.Address.Address.ToString() : null;
        int? rport = NeedsRport(top) ? source.Address.Port : null;
        if (received is null && rport is null)
        {
            return;
        }

        if (headers.ValueItemCount(i) == 1)
        {
            // Usually the line is the request's bytes exactly as the Via would be written: the stamp is
            // then written into them when sent, with no new string for the whole Via.
            if (top.TryLocateStamp(headers.RawValueAt(i), received is not null, rport is not null, out var rportEnd)
                && headers.TryStampRaw(i, rportEnd, rport ?? 0, received))
            {
                return;
            }

            headers.ReplaceValueAt(i, top.ToString(received, rport));
            return;
        }

        var stamped = top.ToString(received, rport);
        var values = new List<string>(2);
        SipText.SplitList(headers.ValueAt(i), values);
        values[0] = stamped;
        headers.ReplaceValueAt(i, string.Join(", ", values));
    }

    /// <summary>The top Via with received/rport filled in for a request from <paramref name="source"/>.</summary>
    public static SipVia Stamp(SipVia top, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(top);
        var result = top;
        if (NeedsReceived(top, source))
        {
            result = result.WithParameter("received", source.Address.Address.ToString());
        }

        if (NeedsRport(top))
        {
            result = result.WithParameter("rport", source.Address.Port.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>RFC 3261 18.2.1: received when the sent-by host is not the source address.</summary>
    private static bool NeedsReceived(SipVia top, SipEndPoint source) =>
        !IsSourceText(top.Host, source.Address.Address)
        && (!SipAddress.TryParseHost(top.Host, out var sentBy) || !sentBy.Equals(source.Address.Address));

    /// <summary>True when <paramref name="host"/> is the address as written canonically (the usual case: no address parsed).</summary>
    private static bool IsSourceText(string host, IPAddress address)
    {
        Span<char> text = stackalloc char[64];
        return address.TryFormat(text, out var length) && text[..length].SequenceEqual(host);
    }

    /// <summary>RFC 3581 4: an empty rport gets the source port.</summary>
    private static bool NeedsRport(SipVia top) => top.HasRport && top.Rport is null;

    /// <summary>
    /// Where a response goes: over the same connection for TCP (the transport falls back to a
    /// new connection to the same address); for UDP to the source address, at the rport when
    /// requested, else at the sent-by port (default 5060). maddr is honoured only when
    /// <paramref name="honourMaddr"/> (the source is a trusted proxy): from anyone else it would
    /// let one forged request reflect every response at a third address.
    /// </summary>
    public static SipEndPoint Destination(SipVia? top, SipEndPoint source, bool honourMaddr)
    {
        if (source.IsReliable || top is null)
        {
            return source;
        }

        if (honourMaddr && top.Maddr is { } maddr && SipAddress.TryParseHost(maddr, out var maddrAddress))
        {
            return source with { Address = new IPEndPoint(maddrAddress, top.Port ?? 5060) };
        }

        if (top.HasRport)
        {
            return source;
        }

        return source with { Address = new IPEndPoint(source.Address.Address, top.Port ?? 5060) };
    }
}
