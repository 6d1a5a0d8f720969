using System.Globalization;
using System.Net;
using System.Text;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// A cluster started by the project's own scripts/cluster.sh in a temporary folder (Kamailio in
/// front, N `vika serve` nodes from the vika.dll beside the tests, PostgreSQL with the postgres
/// provider) and stopped with `cluster.sh stop`, which ends exactly the processes it started.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private LocalCluster(string dir, IReadOnlyDictionary<string, string> env, string startOutput)
    {
        Dir = dir;
        StartOutput = startOutput;
        Provider = env["PROVIDER"];
        KamailioPort = int.Parse(env["KAMAILIO_PORT"], CultureInfo.InvariantCulture);
        ControlSocket = env["KAMAILIO_CTL"];
        ConnectionString = env.GetValueOrDefault("CONNECTION_STRING");
        var nodes = new List<ClusterNode>();
        for (var k = 1; k <= int.Parse(env["NODES"], CultureInfo.InvariantCulture); k++)
        {
            nodes.Add(new ClusterNode(
                "node" + k.ToString(CultureInfo.InvariantCulture),
                int.Parse(env[$"NODE{k}_SIP_PORT"], CultureInfo.InvariantCulture),
                env[$"NODE{k}_DATA"],
                env[$"NODE{k}_PROMPTS"],
                env[$"NODE{k}_LOG"],
                env[$"NODE{k}_PID_FILE"]));
        }

        Nodes = nodes;
    }

    public string Dir { get; }

    public string Provider { get; }

    /// <summary>What `cluster.sh start` printed (the address to call, the nodes).</summary>
    public string StartOutput { get; }

    public int KamailioPort { get; }

    public IPEndPoint KamailioEndPoint => new(IPAddress.Loopback, KamailioPort);

    /// <summary>The service number through Kamailio.</summary>
    public string ServiceUri => $"sip:165@127.0.0.1:{KamailioPort}";

    /// <summary>kamcmd's -s argument.</summary>
    public string ControlSocket { get; }

    /// <summary>The shared database's connection string (postgres provider), else null.</summary>
    public string? ConnectionString { get; }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public string Script => Path.Combine(RepoPaths.Root, "scripts", "cluster.sh");

    /// <summary>`scripts/cluster.sh start --nodes N --provider P [--set Key=Value]...` in a new temporary folder.</summary>
    public static async Task<LocalCluster> StartAsync(int nodes, string provider, params string[] settings)
    {
        var dir = Directory.CreateTempSubdirectory("vika-cluster-").FullName;
        var arguments = new List<string>
        {
            Path.Combine(RepoPaths.Root, "scripts", "cluster.sh"), "start",
            "--nodes", nodes.ToString(CultureInfo.InvariantCulture), "--dir", dir, "--provider", provider, "--timeout", "120",
        };
        foreach (var setting in settings)
        {
            arguments.Add("--set");
            arguments.Add(setting);
        }

        var result = await ProcessRunner.RunAsync("bash", arguments, TimeSpan.FromSeconds(180), RepoPaths.Root, Environment());
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(dir, "cluster.env")))
        {
            var logs = Logs(dir);
            await StopAsync(dir);
            throw new InvalidOperationException($"scripts/cluster.sh start failed: {result.Describe()}\n{logs}");
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(dir, "cluster.env")))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                env[line[..equals]] = line[(equals + 1)..];
            }
        }

        return new LocalCluster(dir, env, result.StdOut);
    }

    /// <summary>The node whose log shows the INVITE of <paramref name="callId"/>.</summary>
    public ClusterNode NodeThatReceived(string callId) =>
        Nodes.SingleOrDefault(n => n.Received(callId))
        ?? throw new InvalidOperationException($"no single node received call {callId}\n{Describe()}");

    /// <summary>Kamailio's log and every node's, for failure messages.</summary>
    public string Describe() => StartOutput + "\n" + Logs(Dir);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Dir);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing teardown over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // The database folder may belong to the postgres user.
        }
    }

    private static async Task StopAsync(string dir)
    {
        var result = await ProcessRunner.RunAsync(
            "bash", [Path.Combine(RepoPaths.Root, "scripts", "cluster.sh"), "stop", "--dir", dir, "--timeout", "30"], TimeSpan.FromSeconds(120), RepoPaths.Root, Environment());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/cluster.sh stop failed: " + result.Describe());
        }
    }

    private static Dictionary<string, string> Environment() => new()
    {
        ["VIKA_DLL"] = RepoPaths.VikaDll,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private static string Logs(string dir)
    {
        var text = new StringBuilder();
        foreach (var log in Directory.GetFiles(dir, "*.log").Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllText(log);
            text.Append("--- ").Append(Path.GetFileName(log)).AppendLine(" ---").AppendLine(content.Length <= 3000 ? content : "…" + content[^3000..]);
        }

        return text.ToString();
    }
}
