namespace VikaIvr.Sip.Message;

/// <summary>One header line as seen through the collection: name as written, value with folding collapsed.</summary>
public readonly record struct SipHeader(SipHeaderId Id, string Name, string Value)
{
    public override string ToString() => Name + ": " + Value;
}
