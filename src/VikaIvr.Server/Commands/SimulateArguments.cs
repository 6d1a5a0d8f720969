using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>What `vika simulate` was asked for: the settings, the scripts and the options as typed.</summary>
public sealed record SimulateArguments(VikaSettings Settings, IReadOnlyList<string> Scripts, string? JUnit, string? FlowFile, bool Quiet, string? Target, string Dtmf);
