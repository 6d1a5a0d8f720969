namespace VikaIvr.Interop.Tests.Harness;

/// <summary>How a test class wants its server started.</summary>
public sealed record ServerOptions
{
    /// <summary>Passed as --answer-delay-ms: the server rings (180) this long before answering.</summary>
    public int AnswerDelayMs { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(45);

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>More environment variables for the server (VIKA_Section__Key=value settings).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A data folder the test owns (kept after the server, e.g. for a restart); null: a temp folder of the server's own.</summary>
    public string? DataDir { get; init; }

    /// <summary>Start through the repository's `./vika` (the README's command: it publishes the
    /// precompiled server on first use) instead of the vika.dll beside the tests.</summary>
    public bool ThroughWrapper { get; init; }

    /// <summary>Start under `nohup`: the server inherits SIGHUP ignored, as from a shell's nohup or
    /// a supervisor that ignores it (nohup execs, so the process id stays the server's).</summary>
    public bool IgnoringHangup { get; init; }

    /// <summary>Admin:Bind of the server: any free loopback port by default, so servers started
    /// side by side never fight for 8165; read the bound address from <see cref="ServerProcess.AdminUrl"/>.</summary>
    public string AdminBind { get; init; } = ServerProcess.AnyAdminPort;
}
