using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A client transaction. <see cref="Completion"/> yields the final response; a timeout
/// (timer B/F) or a transport failure yields a synthesized 408 / 503 (RFC 3261 8.1.3.1),
/// marked by <see cref="TimedOut"/>. Thread-safe: entry points take the transaction's lock (its own,
/// or the invite session's that sent it).
/// </summary>
public abstract class SipClientTransaction
{
    private readonly TaskCompletionSource<SipResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _sync;
    private SipTimerGroup? _timers;

    private protected SipClientTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint destination, Lock? sync)
    {
        _sync = sync ?? new Lock();
        Layer = layer;
        Request = request;
        Destination = destination;
        Branch = request.TopVia?.Branch ?? throw new ArgumentException("A client request needs a Via with a branch.", nameof(request));
    }

    public SipRequest Request { get; }

    public SipEndPoint Destination { get; }

    public string Branch { get; }

    public SipTransactionState State { get; private protected set; }

    public Task<SipResponse> Completion => _completion.Task;

    public bool TimedOut { get; private set; }

    /// <summary>Called under the transaction's lock for every response passed up, provisional ones included.</summary>
    public Action<SipResponse>? ResponseReceived { get; set; }

    private protected SipTransactionLayer Layer { get; }

    internal void Start()
    {
        lock (_sync)
        {
            OnStart();
        }
    }

    internal void Receive(SipResponse response)
    {
        lock (_sync)
        {
            OnResponse(response);
        }
    }

    private protected abstract void OnStart();

    private protected abstract void OnResponse(SipResponse response);

    /// <summary>A timer of this transaction: all of them share one <see cref="ITimer"/>.</summary>
    private protected SipTimer CreateTimer(Action callback) => new(_timers ??= new SipTimerGroup(Layer.Time, _sync), callback);

    private protected virtual void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    private protected void Send(SipMessage message)
    {
        if (!Layer.Transport.Send(message, Destination) && Destination.IsReliable)
        {
            Fail(503, "Service Unavailable - transport error");
        }
    }

    private protected void PassUp(SipResponse response)
    {
        ResponseReceived?.Invoke(response);
        if (response.StatusCode >= 200)
        {
            _completion.TrySetResult(response);
        }
    }

    private protected void Fail(int status, string reason)
    {
        TimedOut = status == 408;
        Terminate();
        var response = SipResponse.CreateFor(Request, status, reason);
        ResponseReceived?.Invoke(response);
        _completion.TrySetResult(response);
    }
}
