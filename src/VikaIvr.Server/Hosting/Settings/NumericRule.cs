namespace VikaIvr.Server.Hosting.Settings;

/// <summary>The inclusive range a whole-number setting allows, and how a message says it.</summary>
public sealed record NumericRule(int Min, int Max, string Expected)
{
    public bool Allows(int value) => value >= Min && value <= Max;
}
