namespace VikaIvr.Interop.Tests.Harness;

/// <summary>Where the repository, the SIPp scenarios and the server binary are, seen from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SippDir => Path.Combine(Root, "tests", "sipp");

    public static string TortureDir => Path.Combine(Root, "tests", "VikaIvr.Sip.Tests", "Torture");

    /// <summary>
    /// The server is a project reference, so its vika.dll sits beside the test assembly; the
    /// server project's own output is the fallback when a build copied it elsewhere.
    /// </summary>
    public static string VikaDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "vika.dll");
            if (File.Exists(beside))
            {
                return beside;
            }

            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var built = Path.Combine(Root, "src", "VikaIvr.Server", "bin", configuration, "net10.0", "vika.dll");
                if (File.Exists(built))
                {
                    return built;
                }
            }

            throw new InvalidOperationException($"vika.dll not found beside {AppContext.BaseDirectory} nor under src/VikaIvr.Server/bin: build the server first.");
        }
    }

    private static string FindRoot()
    {
        // For a test assembly built outside the tree (e.g. a scratch build while the tree is broken).
        var overridden = Environment.GetEnvironmentVariable("VIKA_REPO_ROOT");
        if (!string.IsNullOrEmpty(overridden) && File.Exists(Path.Combine(overridden, "VikaIvr.sln")))
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VikaIvr.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"VikaIvr.sln not found above {AppContext.BaseDirectory}.");
    }
}
