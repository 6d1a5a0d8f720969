using System.Globalization;
using System.Text;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// A SIPp caller scenario built from the template tests/sipp/vika/uac_vika_keys.xml: the test
/// lists keys (one SIP INFO application/dtmf-relay each), pauses and how the call ends, and the
/// builder writes them in place of the template's STEPS marker. One template instead of a file
/// per digit string, since every participant path presses other keys.
/// </summary>
public sealed class SippKeysScenario
{
    public const string TemplateName = "vika/uac_vika_keys.xml";
    private const string Marker = "<!-- STEPS -->";
    private readonly StringBuilder _steps = new();
    private int _cseq = 1;

    /// <summary>Presses each key in turn (waiting for the INFO's 200), <paramref name="gapMs"/> apart.</summary>
    public SippKeysScenario Keys(string keys, int gapMs = 60)
    {
        foreach (var key in keys)
        {
            _cseq++;
            _steps.Append(CultureInfo.InvariantCulture, $"""

                  <send retrans="500">
                    <![CDATA[

                      INFO [next_url] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                      From: "VIKA caller" <sip:081234567890@[local_ip]:[local_port]>;tag=[pid]VikaTag00[call_number]
                      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                      Call-ID: [call_id]
                      CSeq: {_cseq} INFO
                      [routes]
                      Contact: <sip:081234567890@[local_ip]:[local_port];transport=[transport]>
                      Max-Forwards: 70
                      Content-Type: application/dtmf-relay
                      Content-Length: [len]

                      Signal={key}
                      Duration=160

                    ]]>
                  </send>
                  <recv response="200"/>
                """);
            Pause(gapMs);
        }

        return this;
    }

    public SippKeysScenario Pause(int milliseconds)
    {
        if (milliseconds > 0)
        {
            _steps.Append(CultureInfo.InvariantCulture, $"\n  <pause milliseconds=\"{milliseconds}\"/>\n");
        }

        return this;
    }

    /// <summary>The caller ends the call: BYE, 200.</summary>
    public SippKeysScenario HangUp()
    {
        _cseq++;
        _steps.Append(CultureInfo.InvariantCulture, $"""

              <send retrans="500">
                <![CDATA[

                  BYE [next_url] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: "VIKA caller" <sip:081234567890@[local_ip]:[local_port]>;tag=[pid]VikaTag00[call_number]
                  To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: {_cseq} BYE
                  [routes]
                  Contact: <sip:081234567890@[local_ip]:[local_port];transport=[transport]>
                  Max-Forwards: 70
                  Content-Length: 0

                ]]>
              </send>
              <recv response="200" crlf="true"/>
            """);
        return this;
    }

    /// <summary>The server must end the call within <paramref name="withinMs"/>: its BYE, our 200 (else the call fails).</summary>
    public SippKeysScenario AwaitServerBye(int withinMs)
    {
        _steps.Append(CultureInfo.InvariantCulture, $"""

              <recv request="BYE" timeout="{withinMs}"/>
              <send>
                <![CDATA[

                  SIP/2.0 200 OK
                  [last_Via:]
                  [last_From:]
                  [last_To:]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Content-Length: 0

                ]]>
              </send>
            """);
        return this;
    }

    /// <summary>Writes the scenario into <paramref name="directory"/> and returns its path (for <see cref="SippRun.Scenario"/>).</summary>
    public string WriteTo(string directory, string name)
    {
        var template = File.ReadAllText(Path.Combine(RepoPaths.SippDir, TemplateName));
        if (!template.Contains(Marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{TemplateName} has no {Marker} marker");
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, template.Replace(Marker, _steps.ToString(), StringComparison.Ordinal));
        return path;
    }
}
