using System.Runtime;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// How the runtime under `serve` collects garbage and compiles code, for the start-up line: both
/// decide how long the runtime-wide stops are that hold up every call's audio. `./vika` runs a
/// precompiled build with server GC and without tiered compilation; `dotnet vika.dll` from a plain
/// build runs with the defaults.
/// </summary>
public static class RuntimeDescription
{
    public static string Describe()
    {
        string gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        // As the runtime configuration (vika.runtimeconfig.json) says; a DOTNET_TieredCompilation
        // environment override is not visible to the program.
        bool tiered = !(AppContext.GetData("System.Runtime.TieredCompilation") is string value && bool.TryParse(value, out bool on) && !on);
        return $"runtime {gc}, {(tiered ? "tiered JIT" : "no tiered JIT")}";
    }
}
