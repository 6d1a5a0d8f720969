using System.CommandLine;

namespace VikaIvr.Server.Cli;

/// <summary>--clock ISO: run "on" a given day (bills and arrears are computed from it).</summary>
public static class ClockOption
{
    public static Option<string> Create() =>
        new("--clock") { HelpName = "ISO", Description = "start the clock at this time, e.g. 2026-11-23T10:00:00+07:00" };
}
