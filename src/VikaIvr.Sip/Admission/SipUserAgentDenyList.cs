using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Admission;

/// <summary>
/// User-Agent fragments of known scanners, matched case-insensitively on the header's raw bytes
/// (no string is made for a request that passes).
/// </summary>
public sealed class SipUserAgentDenyList
{
    private readonly byte[][] _fragments;

    public SipUserAgentDenyList(IEnumerable<string> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        _fragments = [.. fragments.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => Encoding.UTF8.GetBytes(f.Trim()))];
    }

    /// <summary>True when <paramref name="request"/>'s User-Agent contains one of the fragments.</summary>
    public bool IsDenied(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _fragments.Length > 0 && Matches(request.Headers.FirstUtf8(SipHeaderId.UserAgent));
    }

    /// <summary>True when <paramref name="userAgent"/> contains one of the fragments, ignoring ASCII case.</summary>
    public bool Matches(ReadOnlySpan<byte> userAgent)
    {
        foreach (var fragment in _fragments)
        {
            for (var i = 0; i + fragment.Length <= userAgent.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(userAgent.Slice(i, fragment.Length), fragment))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
