namespace VikaIvr.Sip.Transactions;

/// <summary>States of RFC 3261 17 with the Accepted state of RFC 6026.</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
