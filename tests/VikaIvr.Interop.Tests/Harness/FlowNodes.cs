namespace VikaIvr.Interop.Tests.Harness;

/// <summary>Node ids of the shipped flow (config/) that the interop tests look for in call records.</summary>
public static class FlowNodes
{
    public const string MainMenu = "main-menu";
    public const string VikaMenu = "vika-menu";
    public const string EnterId = "enter-id";
}
