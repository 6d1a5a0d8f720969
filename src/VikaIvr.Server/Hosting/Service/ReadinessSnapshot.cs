namespace VikaIvr.Server.Hosting.Service;

/// <summary>Whether the node takes calls, and why not when it does not ("draining", "database: ...").</summary>
public sealed record ReadinessSnapshot(bool Ready, string Reason, bool Draining);
