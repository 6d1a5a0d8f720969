namespace VikaIvr.Sip.Message;

/// <summary>One <c>;name[=value]</c> parameter; <see cref="Value"/> is as written (quotes kept), null when absent.</summary>
public readonly record struct SipParameter(string Name, string? Value)
{
    public override string ToString() => Value is null ? Name : Name + "=" + Value;
}
