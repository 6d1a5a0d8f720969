using System.Text.Json.Nodes;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.TestCaller;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;
using VikaIvr.Tools.ParticipantApiStandIn;

namespace VikaIvr.Interop.Tests.ParticipantApi;

/// <summary>
/// The participant stand-in (the demo participants of the scripts' month) and a `vika serve` on the
/// scripts' clock whose settings file points Data:ParticipantApi:Url at it, with a 1.5 s lookup
/// budget, one retry and no cache (so every call asks and a mode switch shows at once).
/// </summary>
public sealed class ParticipantApiServerFixture : IAsyncLifetime
{
    public const int TimeoutMs = 1500;

    private readonly string _configDir = Directory.CreateTempSubdirectory("vika-participant-api-").FullName;
    private ServerProcess? _server;
    private Exception? _startFailure;

    public ParticipantApiStandIn StandIn { get; private set; } = null!;

    public ServerProcess Server =>
        _server ?? throw new InvalidOperationException("the server did not start: " + _startFailure?.Message, _startFailure);

    public async Task InitializeAsync()
    {
        StandIn = await ParticipantApiStandIn.StartAsync(DemoParticipants.For(new YearMonth(2026, 11)));
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "config", "appsettings.json")))!.AsObject();
        config["Data"]!["ParticipantApi"] = new JsonObject
        {
            ["Url"] = StandIn.Url.ToString(),
            ["TimeoutMs"] = TimeoutMs,
            ["Retries"] = 1,
            ["CacheSeconds"] = 0,
        };
        string file = Path.Combine(_configDir, "appsettings.json");
        await File.WriteAllTextAsync(file, config.ToJsonString());
        try
        {
            _server = await ServerProcess.StartAsync(new ServerOptions { ExtraArguments = ["--clock", TestCallerServerFixture.Clock, "--config", file] });
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            _startFailure = ex;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await StandIn.DisposeAsync();
        Directory.Delete(_configDir, recursive: true);
    }
}
