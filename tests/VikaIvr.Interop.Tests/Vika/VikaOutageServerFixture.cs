namespace VikaIvr.Interop.Tests.Vika;

/// <summary>A server of its own for the test that breaks its database, so no other test sees it broken.</summary>
public sealed class VikaOutageServerFixture : VikaServerFixture;
