using VikaIvr.Jkn.Identity;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// What a lookup asks for: a NIK or a card number. <see cref="ToString"/> is masked, so a key
/// that reaches a log or a message by accident shows no personal data.
/// </summary>
public readonly record struct ParticipantKey(ParticipantKeyKind Kind, string Value)
{
    /// <summary>The path segment of the service's URL: "nik" or "card".</summary>
    public string PathSegment => Kind == ParticipantKeyKind.Nik ? "nik" : "card";

    /// <summary>"NIK" or "card number", for messages.</summary>
    public string Description => Kind == ParticipantKeyKind.Nik ? "NIK" : "card number";

    public string Masked => PersonalData.Mask(Value);

    public override string ToString() => $"{PathSegment} {Masked}";
}
