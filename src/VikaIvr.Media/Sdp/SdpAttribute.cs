namespace VikaIvr.Media.Sdp;

/// <summary>An "a=" line: a property attribute has a null value, a value attribute has the text after ':'.</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
