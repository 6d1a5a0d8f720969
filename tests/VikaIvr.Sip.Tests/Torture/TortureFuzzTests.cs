using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Torture;

public class TortureFuzzTests
{
    [Fact]
    public void Truncated_and_corrupted_torture_messages_never_throw()
    {
        var random = new Random(3261);
        var framer = new SipStreamFramer(SipParserOptions.Default);
        foreach (var c in TortureCorpus.Load())
        {
            var source = TortureCorpus.ReadBytes(c);
            for (var round = 0; round < 120; round++)
            {
                var data = source.AsSpan(0, random.Next(source.Length + 1)).ToArray();
                for (var flips = round % 4; flips > 0 && data.Length > 0; flips--)
                {
                    data[random.Next(data.Length)] = (byte)"\r\n \t:;,<>\"\\%@=/0aZ\0"[random.Next(19)];
                }

                _ = framer.Frame(data);
                if (SipParser.TryParse(data, SipParserOptions.Default, out var m, out var error))
                {
                    Touch(m);
                }
                else if (error!.PartialMessage is { } partial)
                {
                    Touch(partial);
                }
            }
        }
    }

    private static void Touch(SipMessage m)
    {
        _ = SipMessageFormatter.Describe(m);
        _ = SipSerializer.ToArray(m);
        _ = (m.CallId, m.CSeq, m.From, m.To, m.Vias, m.Contacts, m.Routes, m.RecordRoutes, m.MaxForwards);
        _ = (m.ContentType, m.Require, m.Supported, m.Event, m.SubscriptionState, m.ReferTo, m.Authorization, m.WwwAuthenticate);
    }
}
