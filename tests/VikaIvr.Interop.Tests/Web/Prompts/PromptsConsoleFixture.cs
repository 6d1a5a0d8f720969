using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;

namespace VikaIvr.Interop.Tests.Web.Prompts;

/// <summary>The console fixture with the server's prompts in a temporary copy of prompts/, so uploads never touch the repository.</summary>
public sealed class PromptsConsoleFixture : ConsoleFixture, IAsyncLifetime
{
    public PromptsConsoleFixture()
    {
        Work = Directory.CreateTempSubdirectory("vika-prompts-pages-").FullName;
        PromptsDir = Path.Combine(Work, "prompts");
        Copy(Path.Combine(RepoPaths.Root, "prompts"), PromptsDir);
    }

    public string Work { get; }

    public string PromptsDir { get; }

    protected override ServerOptions Options => new() { ExtraArguments = ["--prompts", PromptsDir] };

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
