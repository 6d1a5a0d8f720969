using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Dialogs;

/// <summary>
/// Our Contact header values (<c>&lt;uri&gt;</c>), the last one kept: the calls a user agent answers
/// share the user, host, port and transport, so the value is written once, not once a call.
/// </summary>
internal sealed class SipContactHeaders
{
    private Entry? _last;

    public string Get(string? user, string host, int port, SipEndPoint flow)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Port == port && last.Protocol == flow.Protocol
            && string.Equals(last.User, user, StringComparison.Ordinal) && string.Equals(last.Host, host, StringComparison.Ordinal))
        {
            return last.Value;
        }

        var made = new Entry(user, host, port, flow.Protocol, "<" + SipDialog.ContactFor(user, host, port, flow) + ">");
        Volatile.Write(ref _last, made);
        return made.Value;
    }

    private sealed record Entry(string? User, string Host, int Port, SipTransportProtocol Protocol, string Value);
}
