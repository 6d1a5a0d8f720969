namespace VikaIvr.Sip.Admission;

/// <summary>The readiness of a user agent nobody watches (tests, the test caller): always ready.</summary>
public sealed class SipAlwaysReady : ISipReadiness
{
    public bool Ready => true;
}
