using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Srtp;

/// <summary>A server with <c>Media:Srtp=required</c>: SRTP callers are answered, plain offers get 488.</summary>
public sealed class SrtpServerFixture : ServerFixture
{
    protected override ServerOptions Options => new()
    {
        Environment = new Dictionary<string, string> { ["VIKA_Media__Srtp"] = "required" },
    };
}
