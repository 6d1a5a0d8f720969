using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>One Via value: sent-protocol, sent-by and parameters (branch, received, rport of RFC 3581).</summary>
public sealed class SipVia
{
    /// <summary>The RFC 3261 magic cookie that starts every compliant branch.</summary>
    public const string MagicCookie = "z9hG4bK";

    private string? _sentBy;

    public SipVia(string transport, string host, int? port, SipParameterList? parameters = null,
        string protocolName = "SIP", string protocolVersion = "2.0")
    {
        Transport = transport.ToUpperInvariant();
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameterList.Empty;
        ProtocolName = protocolName;
        ProtocolVersion = protocolVersion;
    }

    /// <summary>A new Via with a branch and an empty rport (ask for RFC 3581 symmetric response routing).</summary>
    public static SipVia Create(string transport, string host, int? port, string branch, bool requestRport = true)
    {
        var list = SipParameterList.Empty.With("branch", branch);
        return new SipVia(transport, host, port, requestRport ? list.With("rport", null) : list);
    }

    public string ProtocolName { get; }

    public string ProtocolVersion { get; }

    /// <summary>Upper-case transport: UDP, TCP, TLS, SCTP, WS... (unknown ones are kept).</summary>
    public string Transport { get; }

    /// <summary>sent-by host; IPv6 references keep their brackets.</summary>
    public string Host { get; }

    public int? Port { get; }

    public SipParameterList Parameters { get; }

    public string? Branch => Parameters.Get("branch");

    /// <summary>True when the branch starts with the RFC 3261 magic cookie and has more after it.</summary>
    public bool HasRfc3261Branch => Branch is { Length: > 7 } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

    public string? Received => Parameters.Get("received");

    public string? Maddr => Parameters.Get("maddr");

    /// <summary>True when an rport parameter is present (with or without a value).</summary>
    public bool HasRport => Parameters.Contains("rport");

    /// <summary>The rport value filled in by a server, or null when absent or empty.</summary>
    public int? Rport => int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    public int? Ttl => int.TryParse(Parameters.Get("ttl"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

    /// <summary>host[:port] as sent.</summary>
    public string SentBy => _sentBy ??= Port is { } p ? string.Create(CultureInfo.InvariantCulture, $"{Host}:{p}") : Host;

    /// <summary>A copy with a parameter set (e.g. received, rport=port on the server side).</summary>
    public SipVia WithParameter(string name, string? value) =>
        new(Transport, Host, Port, Parameters.With(name, value), ProtocolName, ProtocolVersion);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        return text is not null && TryParse(text, build: true, out via, out _);
    }

    /// <summary>Parses a single Via value (split the list first).</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out SipVia? via, out string? fault)
    {
        via = null;
        if (!TryScan(text, build, out var parts, out var parameters, out fault))
        {
            return false;
        }

        if (build)
        {
            via = new SipVia(SipWords.Get(text[parts.Transport]), text.Slice(parts.HostStart, parts.HostLength).ToString(), parts.Port,
                parameters, SipWords.Get(text[parts.Name]), SipWords.Get(text[parts.Version]));
        }

        return true;
    }

    /// <summary>
    /// Checks a single Via value as <see cref="TryParse(ReadOnlySpan{char}, bool, out SipVia?, out string?)"/>
    /// does, building nothing: where its sent-by host is, its port, and the value of its first branch
    /// parameter (null when absent or value-less), as <see cref="Branch"/> would read it.
    /// </summary>
    internal static bool TryLocate(ReadOnlySpan<char> text, out Range host, out int? port, out Range? branch)
    {
        branch = null;
        host = default;
        port = null;
        if (!TryScan(text, build: false, out var parts, out _, out _))
        {
            return false;
        }

        host = new Range(parts.HostStart, parts.HostStart + parts.HostLength);
        port = parts.Port;
        var s = new SipScanner(text[parts.ParamsStart..]);
        if (!SipParamReader.TryFindParam(ref s, "branch", out var value))
        {
            return false;
        }

        if (value is { } v)
        {
            var (offset, length) = v.GetOffsetAndLength(text.Length - parts.ParamsStart);
            branch = new Range(parts.ParamsStart + offset, parts.ParamsStart + offset + length);
        }

        return true;
    }

    private static bool TryScan(ReadOnlySpan<char> text, bool build, out Parts parts, out SipParameterList parameters, out string? fault)
    {
        parts = default;
        parameters = SipParameterList.Empty;
        var s = new SipScanner(text);
        s.SkipLws();
        if (!s.TryReadToken(out var name) || !s.TryConsume('/') || !s.TryReadToken(out var version)
            || !s.TryConsume('/') || !s.TryReadToken(out var transport))
        {
            fault = "malformed sent-protocol";
            return false;
        }

        if (!s.SkipLws())
        {
            fault = "missing sent-by";
            return false;
        }

        if (!SipUriParser.TryReadHostPort(text[s.Position..], out var hostLength, out var port, out var consumed, allowTrailingLws: true))
        {
            fault = "invalid sent-by host or port";
            return false;
        }

        var hostStart = s.Position;
        s.Position += consumed;
        var paramsStart = s.Position;
        if (!SipParamReader.TryReadParams(ref s, build, out parameters))
        {
            fault = "malformed parameter";
            return false;
        }

        s.SkipLws();
        if (!s.AtEnd)
        {
            fault = "unexpected text after the parameters";
            return false;
        }

        fault = null;
        parts = new Parts(name, version, transport, hostStart, hostLength, port, paramsStart);
        return true;
    }

    public override string ToString() => ToString(null, null);

    /// <summary>
    /// The text of this Via with <c>received</c> and <c>rport</c> set as <see cref="WithParameter"/>
    /// would set them (in place when present, <c>received</c> appended otherwise); null leaves one as it is.
    /// </summary>
    [SkipLocalsInit]
    internal string ToString(string? received, int? rport)
    {
        // Built on the stack (pooled beyond it): the string is the only allocation.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        AppendSentProtocolAndBy(ref text);
        if (received is null && rport is null)
        {
            Parameters.AppendTo(ref text);
            return text.ToStringAndClear();
        }

        var receivedAt = received is null ? -1 : Parameters.IndexOf("received");
        var rportAt = rport is null ? -1 : Parameters.IndexOf("rport");
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            text.AppendLiteral(";");
            text.AppendFormatted(parameter.Name);
            if (i == receivedAt)
            {
                text.AppendLiteral("=");
                text.AppendFormatted(received);
            }
            else if (i == rportAt)
            {
                text.AppendLiteral("=");
                text.AppendFormatted(rport!.Value);
            }
            else if (parameter.Value is not null)
            {
                text.AppendLiteral("=");
                text.AppendFormatted(parameter.Value);
            }
        }

        if (received is not null && receivedAt < 0)
        {
            text.AppendLiteral(";received=");
            text.AppendFormatted(received);
        }

        return text.ToStringAndClear();
    }

    /// <summary>
    /// True when <paramref name="raw"/> is exactly this Via's text (<see cref="ToString()"/>) and a stamp of
    /// <c>received</c> (when <paramref name="received"/>) and <c>rport</c> (when <paramref name="rport"/>) is only
    /// text added to it, as <see cref="ToString(string?, int?)"/> would write it: no <c>received</c> to replace,
    /// a value-less <c>rport</c>. <paramref name="rportEnd"/>: the offset after that rport's name (0 when not asked).
    /// </summary>
    [SkipLocalsInit]
    internal bool TryLocateStamp(ReadOnlySpan<byte> raw, bool received, bool rport, out int rportEnd)
    {
        rportEnd = 0;
        if (received && Parameters.IndexOf("received") >= 0)
        {
            return false;
        }

        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        AppendSentProtocolAndBy(ref text);
        var rportAt = rport ? Parameters.IndexOf("rport") : -1;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            text.AppendLiteral(";");
            text.AppendFormatted(parameter.Name);
            if (i == rportAt && parameter.Value is null)
            {
                rportEnd = text.Text.Length;
            }

            if (parameter.Value is not null)
            {
                text.AppendLiteral("=");
                text.AppendFormatted(parameter.Value);
            }
        }

        var same = Ascii.Equals(raw, text.Text);
        text.Clear();
        return same && (!rport || rportEnd > 0);
    }

    private void AppendSentProtocolAndBy(ref DefaultInterpolatedStringHandler text)
    {
        text.AppendFormatted(ProtocolName);
        text.AppendLiteral("/");
        text.AppendFormatted(ProtocolVersion);
        text.AppendLiteral("/");
        text.AppendFormatted(Transport);
        text.AppendLiteral(" ");
        text.AppendFormatted(Host);
        if (Port is { } p)
        {
            text.AppendLiteral(":");
            text.AppendFormatted(p);
        }
    }

    /// <summary>Where the parts of a scanned Via value are.</summary>
    private readonly record struct Parts(Range Name, Range Version, Range Transport, int HostStart, int HostLength, int? Port, int ParamsStart);
}
