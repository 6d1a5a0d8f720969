using System.Globalization;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>Checks on VIKA call records shared by the tests.</summary>
public static partial class VikaAssert
{
    /// <summary><paramref name="expected"/> appear in the record's nodes in this order (others may lie between).</summary>
    public static void NodesInOrder(CallRecordLine record, params string[] expected)
    {
        var at = 0;
        foreach (var node in record.Nodes)
        {
            if (at < expected.Length && node == expected[at])
            {
                at++;
            }
        }

        Assert.True(at == expected.Length, $"nodes [{string.Join(", ", expected)}] not in order; missing from '{(at < expected.Length ? expected[at] : "")}'\n{Describe(record)}");
    }

    /// <summary>Neither NIK, card number nor birth date appears in full anywhere in the record.</summary>
    public static void NoPersonalData(CallRecordLine record, DemoParticipant participant)
    {
        var text = Describe(record);
        foreach (var secret in participant.PersonalData)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the record holds personal data in full ({participant.Key}):\n{text}");
        }
    }

    /// <summary>The seconds of the sentence the flow said at <paramref name="node"/> ("say status-answer (6.2 s)").</summary>
    public static double SaidSeconds(CallRecordLine record, string node)
    {
        foreach (var e in record.Events)
        {
            var match = SayEvent().Match(e);
            if (match.Success && match.Groups[1].Value == node)
            {
                return double.Parse(match.Groups[2].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            }
        }

        Assert.Fail($"no 'say {node}' event\n{Describe(record)}");
        return 0;
    }

    public static string Describe(CallRecordLine record) =>
        $"{record}\nended_by {record.EndedBy}, codec {record.Codec}, dtmf [{string.Join(", ", record.DtmfMethods)}]\n" +
        $"events:\n  {string.Join("\n  ", record.Events)}\nfailures:\n  {string.Join("\n  ", record.Failures)}";

    [GeneratedRegex(@"^say (\S+) \((\d+(?:[.,]\d+)?) s\)$")]
    private static partial Regex SayEvent();
}
