using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// WWW-Authenticate / Proxy-Authenticate / Authorization / Proxy-Authorization:
/// a scheme (Digest, or one nobody knows) and comma-separated auth-params.
/// </summary>
public sealed class SipAuthHeaderValue
{
    public SipAuthHeaderValue(string scheme, SipParameterList parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    public string Scheme { get; }

    /// <summary>Parameters as written; use <see cref="SipParameterList.GetUnquoted"/> for realm, nonce...</summary>
    public SipParameterList Parameters { get; }

    public bool IsDigest => Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipAuthHeaderValue? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        var s = new SipScanner(text);
        s.SkipLws();
        if (!s.TryReadToken(out var scheme) || !SipParamReader.TryReadCommaParams(ref s, build: true, out var parameters))
        {
            return false;
        }

        value = new SipAuthHeaderValue(text[scheme], parameters);
        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(Scheme);
        for (var i = 0; i < Parameters.Count; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(Parameters[i]);
        }

        return sb.ToString();
    }
}
