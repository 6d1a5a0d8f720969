using System.Net;

namespace VikaIvr.Sip.Core;

/// <summary>
/// Service numbers answered only from some source networks (<see cref="SipUserAgentOptions.RestrictedNumbers"/>).
/// To any other source such a number is not served at all: its INVITE takes the unknown-number path
/// (404, the same event, the same count), so a scan cannot tell it from a number that does not exist.
/// </summary>
internal sealed class SipRestrictedNumbers(IDictionary<string, IList<string>> numbers)
{
    private readonly (string Number, SipCidr[] Sources)[] _numbers =
        [.. numbers.Select(n => (n.Key.Trim(), n.Value.Select(SipCidr.Parse).ToArray()))];

    /// <summary>True when <paramref name="number"/> (separators removed) is restricted and <paramref name="source"/> is not among its sources.</summary>
    public bool Refuses(ReadOnlySpan<char> number, IPAddress source)
    {
        foreach (var (restricted, sources) in _numbers)
        {
            if (!number.SequenceEqual(restricted))
            {
                continue;
            }

            foreach (var cidr in sources)
            {
                if (cidr.Contains(source))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }
}
