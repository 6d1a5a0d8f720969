using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika sip parse FILE`: the structure of a good message, the reason for a bad one.</summary>
[Collection(InteropCollection.Name)]
public sealed class SipParseCliTests
{
    private const string Invite =
        "INVITE sip:165@127.0.0.1:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-cli-1;rport\r\n" +
        "From: \"Caller, Test\" <sip:081234567890@127.0.0.1:5070>;tag=cli1\r\n" +
        "To: <sip:165@127.0.0.1:5060>\r\n" +
        "Call-ID: {0}\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:081234567890@127.0.0.1:5070>\r\n" +
        "Max-Forwards: 70\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: {1}\r\n\r\n{2}";

    private const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    [Fact]
    public async Task A_valid_invite_prints_its_call_id_and_exits_0()
    {
        using var temp = new TempFolder();
        var callId = "cli-parse-" + Guid.NewGuid().ToString("N");
        var file = temp.File("invite.sip");
        await File.WriteAllTextAsync(file, string.Format(System.Globalization.CultureInfo.InvariantCulture, Invite, callId, Sdp.Length, Sdp));

        var result = await VikaCli.RunAsync("sip", "parse", file);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains(callId, result.StdOut, StringComparison.Ordinal);
        Assert.Contains("INVITE", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_message_exits_non_zero_with_the_reason()
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.sip");
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Invite, "cli-bad", Sdp.Length, Sdp)
            .Replace("Content-Length: " + Sdp.Length, "Content-Length: -5", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text);

        var result = await VikaCli.RunAsync("sip", "parse", file);

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains("Content-Length", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("bad.sip", result.StdErr, StringComparison.Ordinal);
    }
}
