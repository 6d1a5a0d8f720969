using System.CommandLine;
using VikaIvr.Data.Synthetic;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika db seed [--synthetic N]`: creates and migrates the database, seeds the demo participants and optionally N synthetic ones.</summary>
public sealed class DbSeedCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "db seed";

    public Command Create()
    {
        var synthetic = new Option<int>("--synthetic") { HelpName = "N", Description = "also add N synthetic participants (load tests)" };
        var clock = ClockOption.Create();
        var settings = new CommandSettings(SettingOptions.Data());
        var command = new Command("seed", "create, migrate and seed the database") { synthetic, clock };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error,
            () => RunAsync(settings.Read(result), ShiftedTimeProvider.FromOption(result.GetValue(clock)), result.GetValue(synthetic), ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, TimeProvider clock, int synthetic, CancellationToken ct)
    {
        if (synthetic < 0) throw new CliException("--synthetic must be 0 or more");
        var db = await DataStore.OpenAsync(settings, clock, ct);
        output.WriteLine($"database {db.Provider} {db.Description}: migrated, demo participants seeded");
        if (synthetic > 0)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            long added = await new SyntheticSeeder(db, clock).SeedAsync(synthetic, ct);
            output.WriteLine($"added {added} synthetic participants in {started.Elapsed.TotalSeconds:0.0} s");
        }
        return 0;
    }
}
