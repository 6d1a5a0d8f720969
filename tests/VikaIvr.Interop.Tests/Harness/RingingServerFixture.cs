namespace VikaIvr.Interop.Tests.Harness;

/// <summary>A server that rings 1.5 s before answering, so a caller can CANCEL before the answer.</summary>
public sealed class RingingServerFixture : ServerFixture
{
    protected override ServerOptions Options => new() { AnswerDelayMs = 1500 };
}
