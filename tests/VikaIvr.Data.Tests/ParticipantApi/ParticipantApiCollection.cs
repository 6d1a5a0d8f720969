namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>
/// The participant API tests run one at a time: each starts a Kestrel stand-in and an HTTP client,
/// and several cold starts at once on a small machine would eat the timeouts some tests count on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ParticipantApiCollection
{
    public const string Name = "ParticipantApi";
}
