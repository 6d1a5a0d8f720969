using System.Text;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Torture;

namespace VikaIvr.Sip.Tests.Message;

/// <summary>The parser's fast syntax paths must never accept what the full validators refuse.</summary>
public class SipFastSyntaxTests
{
    private static readonly string[] Uris =
    [
        "sip:165@198.51.100.20:5060;transport=udp", "sips:alice@example.com", "sip:example.com;lr",
        "sip:user:pw@host.example:65535;maddr=10.0.0.1;ttl=1",
    ];

    private static readonly string[] NameAddrs =
    [
        "<sip:6281234567890@203.0.113.10:5060;transport=udp>", "<sip:165@198.51.100.20>",
        "\"6281234567890\" <sip:6281234567890@203.0.113.10>;tag=4f9c2a17", "\"A, B\"<sip:a@b>;q=0.5;expires=60",
    ];

    private static readonly string[] Vias =
    [
        "SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bK-524287-1---7f3a9c2e1b5d4a60;rport",
        "SIP/2.0/TCP host.example;branch=z9hG4bK1;received=[2001:db8::1];rport=5060",
    ];

    private static readonly string[] Mutations = [" ", "\t", "\"", "<", ">", ";", "=", ":", "@", ",", "?", "[", "]", "\\", "\u00e9", "a", "0", "/", "\r\n ", "%00", ""];

    [Fact]
    public void Typical_trunk_values_take_the_fast_path()
    {
        foreach (var u in Uris)
        {
            Assert.True(SipFastSyntax.IsSimpleSipUri(Bytes(u)), u);
        }

        foreach (var n in NameAddrs)
        {
            Assert.True(SipFastSyntax.IsSimpleNameAddr(Bytes(n)), n);
        }

        foreach (var v in Vias)
        {
            Assert.True(SipFastSyntax.IsSimpleVia(Bytes(v)), v);
        }

        Assert.True(SipFastSyntax.IsSimpleCSeq("1 INVITE"u8, "INVITE"));
        Assert.False(SipFastSyntax.IsSimpleCSeq("1 INVITE"u8, "ACK"));
        Assert.False(SipFastSyntax.IsSimpleCSeq("4294967296 INVITE"u8, null));
    }

    [Fact]
    public void Every_mutation_the_fast_path_accepts_is_accepted_by_the_full_validator()
    {
        var checkedCount = 0;
        foreach (var (value, kind) in Seeds())
        {
            for (var i = 0; i <= value.Length; i++)
            {
                foreach (var m in Mutations)
                {
                    checkedCount += AssertSubset(value[..i] + m + value[i..], kind);
                    if (i < value.Length)
                    {
                        checkedCount += AssertSubset(value[..i] + m + value[(i + 1)..], kind);
                    }
                }
            }
        }

        Assert.True(checkedCount > 1000, "too few mutants took the fast path: " + checkedCount);
    }

    [Fact]
    public void Torture_header_values_agree()
    {
        var options = new SipParserOptions { ValidateHeaders = false };
        foreach (var c in TortureCorpus.Load())
        {
            if (!SipParser.TryParse(TortureCorpus.ReadBytes(c), options, out var m, out _))
            {
                continue;
            }

            for (var i = 0; i < m.Headers.Count; i++)
            {
                var raw = Encoding.Latin1.GetString(m.Headers.RawValueAt(i));
                switch (m.Headers[i].Id)
                {
                    case SipHeaderId.Via: AssertSubset(raw, 'v'); break;
                    case SipHeaderId.From or SipHeaderId.To or SipHeaderId.Contact: AssertSubset(raw, 'n'); break;
                    case SipHeaderId.CSeq: AssertSubset(raw, 'c'); break;
                }
            }
        }
    }

    private static IEnumerable<(string, char)> Seeds()
    {
        foreach (var u in Uris)
        {
            yield return (u, 'u');
        }

        foreach (var n in NameAddrs)
        {
            yield return (n, 'n');
        }

        foreach (var v in Vias)
        {
            yield return (v, 'v');
        }

        yield return ("314159 INVITE", 'c');
    }

    /// <summary>Returns 1 when the fast path accepted (and the full validator agreed).</summary>
    private static int AssertSubset(string value, char kind)
    {
        var bytes = Encoding.Latin1.GetBytes(value);
        var fast = kind switch
        {
            'u' => SipFastSyntax.IsSimpleSipUri(bytes),
            'n' => SipFastSyntax.IsSimpleNameAddr(bytes),
            'v' => SipFastSyntax.IsSimpleVia(bytes),
            _ => SipFastSyntax.IsSimpleCSeq(bytes, "INVITE"),
        };
        if (!fast)
        {
            return 0;
        }

        var full = kind switch
        {
            'u' => SipUriParser.TryParse(value, build: false, out _, out _) && value.IndexOf('?') < 0,
            'n' => SipNameAddr.TryParse(value, build: false, out _, out _),
            'v' => SipVia.TryParse(value, build: false, out _, out _),
            _ => SipCSeq.TryParse(value, build: false, out _, out var method) && value.AsSpan()[method].SequenceEqual("INVITE"),
        };
        Assert.True(full, "fast path accepted what the full validator refuses (" + kind + "): " + value);
        return 1;
    }

    private static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);
}
