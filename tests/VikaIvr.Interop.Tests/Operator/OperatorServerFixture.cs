using System.Text.Json.Nodes;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>
/// A server with the operator line open (PIN from a private copy of the configuration) and its
/// prompts in a temporary copy of prompts/, so recordings never touch the repository.
/// </summary>
public class OperatorServerFixture : ServerFixture, IAsyncLifetime
{
    public const string Pin = "573104";
    public const string Number = "16599";

    public OperatorServerFixture()
        : this(Pin)
    {
    }

    /// <summary>A server whose operator line opens with <paramref name="pin"/>.</summary>
    protected OperatorServerFixture(string pin)
    {
        Work = Directory.CreateTempSubdirectory("vika-operator-").FullName;
        PromptsDir = Path.Combine(Work, "prompts");
        Copy(Path.Combine(RepoPaths.Root, "prompts"), PromptsDir);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "appsettings.json")))!;
        config["Operator"] = new JsonObject { ["Number"] = Number, ["Pin"] = pin };
        ConfigPath = Path.Combine(Work, "appsettings.json");
        File.WriteAllText(ConfigPath, config.ToJsonString());
    }

    public string Work { get; }
    public string PromptsDir { get; }
    public string ConfigPath { get; }

    protected override ServerOptions Options => new() { ExtraArguments = ["--prompts", PromptsDir, "--config", ConfigPath] };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
