using System.Net;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Tests.Operator;

/// <summary>A call that is only routed and identified, never run: every media operation throws.</summary>
public sealed class FakeCall(string called, string caller = "0811000001", IPEndPoint? source = null) : ICall
{
    public string CallId => "fake-call";
    public string Caller => caller;
    public string Called => called;
    public IPEndPoint? RemoteSource => source;
    public CancellationToken Ended => CancellationToken.None;

    public Task PlayAsync(AudioClip clip, bool bargeIn, CancellationToken ct) => throw new NotSupportedException();
    public Task<DigitResult> CollectDigitsAsync(DigitOptions options, CancellationToken ct) => throw new NotSupportedException();
    public Task<RecordResult> RecordAsync(RecordOptions options, CancellationToken ct) => throw new NotSupportedException();
    public void AbsorbNextKey(char key, TimeSpan window) => throw new NotSupportedException();
    public Task<TransferResult> TransferAsync(string target, CancellationToken ct) => throw new NotSupportedException();
    public Task HangupAsync(CancellationToken ct) => throw new NotSupportedException();
}
