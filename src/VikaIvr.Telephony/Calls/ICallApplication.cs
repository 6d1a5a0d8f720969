using VikaIvr.Flows.Ports;

namespace VikaIvr.Telephony.Calls;

/// <summary>What runs on an answered call (the VIKA flow); it returns when the flow ends.</summary>
public interface ICallApplication
{
    Task RunAsync(ICall call, CallRecord record, CancellationToken ct);
}
