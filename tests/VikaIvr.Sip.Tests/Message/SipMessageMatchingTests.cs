using System.Text;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Torture;

namespace VikaIvr.Sip.Tests.Message;

/// <summary>The allocation-free matching reads agree with the typed views.</summary>
public class SipMessageMatchingTests
{
    [Fact]
    public void Byte_reads_agree_with_typed_views_on_every_parsed_torture_message()
    {
        var compared = 0;
        foreach (var c in TortureCorpus.Load())
        {
            if (!SipParser.TryParse(TortureCorpus.ReadBytes(c), SipParserOptions.Default, out var m, out _))
            {
                continue;
            }

            AssertAgree(m, c.Name);
            compared++;
        }

        Assert.True(compared > 10);
    }

    [Fact]
    public void Byte_reads_of_a_typical_invite()
    {
        var m = SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));

        AssertAgree(m, "invite");
        Assert.False(m.TopViaBranchBytes.IsEmpty);
        Assert.False(m.FromTagBytes.IsEmpty);
        Assert.True(m.TryGetCSeq(out _, out var method));
        Assert.Equal("INVITE", Encoding.ASCII.GetString(method));
    }

    [Fact]
    public void Byte_reads_follow_edits_and_built_messages()
    {
        var m = SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));
        m.Headers.Set(SipHeaderId.From, "\"x;tag=no\" <sip:a@b;tag=uri>;tag=edited");
        m.Headers.InsertFirst(SipHeaderId.Via, "SIP/2.0/TCP h;branch=z9hG4bKtop, SIP/2.0/UDP g;branch=z9hG4bKsecond");

        Assert.Equal("edited", Encoding.UTF8.GetString(m.FromTagBytes));
        Assert.Equal("z9hG4bKtop", Encoding.UTF8.GetString(m.TopViaBranchBytes));
        AssertAgree(m, "edited");
    }

    [Fact]
    public void Addr_spec_params_belong_to_the_header()
    {
        var m = SipParser.Parse(SipTestMessages.Bytes(SipTestMessages.Invite));
        m.Headers.Set(SipHeaderId.To, "sip:bob@example.com;tag=t1");

        Assert.Equal("t1", Encoding.UTF8.GetString(m.ToTagBytes));
        Assert.Equal("t1", m.To?.Tag);
    }

    private static void AssertAgree(SipMessage m, string name)
    {
        Assert.True(Encoding.UTF8.GetString(m.CallIdBytes) == (m.CallId ?? ""), name + " Call-ID");
        Assert.True(Encoding.UTF8.GetString(m.TopViaBranchBytes) == (m.TopVia?.Branch ?? ""), name + " branch");
        Assert.True(Encoding.UTF8.GetString(m.FromTagBytes) == (m.From?.Tag ?? ""), name + " From tag");
        Assert.True(Encoding.UTF8.GetString(m.ToTagBytes) == (m.To?.Tag ?? ""), name + " To tag");
        var ok = m.TryGetCSeq(out var number, out var method);
        Assert.True(ok == m.CSeq is not null, name + " CSeq presence");
        if (ok)
        {
            Assert.Equal(m.CSeq!.Number, number);
            Assert.Equal(m.CSeq.Method, Encoding.UTF8.GetString(method));
        }
    }
}
