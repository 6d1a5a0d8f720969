using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>What every successful participant path shows in its call record, whichever client called.</summary>
public static class ParticipantPathChecks
{
    public static void Answered(CallRecordLine record, DemoParticipant participant, VikaPath path)
    {
        var described = VikaAssert.Describe(record);
        VikaAssert.NodesInOrder(
            record, "welcome", "main-menu", "vika-menu", "enter-id", "enter-dob", "verify", "choose-answer", path.LoadNode, path.AnswerNode);
        Assert.True(record.Outcome == path.Outcome, $"outcome {record.Outcome}, expected {path.Outcome}\n{described}");
        Assert.True(record.CountNode("verify") == 1, "verified more than once (a key lost or doubled?)\n" + described);
        Assert.True(record.CountNode("not-verified") == 0, described);
        Assert.True(record.Failures.Count == 0, described);

        // The synthesized answer is a sentence of plausible length (VIKA.md's sentences run 4-15 s).
        var seconds = VikaAssert.SaidSeconds(record, path.AnswerNode);
        Assert.True(seconds is >= 2 and <= 40, $"answer of {seconds} s\n{described}");
        VikaAssert.NoPersonalData(record, participant);
    }
}
