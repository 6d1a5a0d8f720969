using VikaIvr.Data.Synthetic;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika db seed [--synthetic N]`: creates and migrates the database, seeds the demo participants and optionally N synthetic ones.</summary>
public sealed class DbSeedCommand(TextWriter output) : IVikaCommand
{
    public string Name => "db seed";
    public string Usage => "db seed [--synthetic N] [--data DIR] [--clock ISO]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        var settings = SettingsLoader.Load(args);
        var clock = ShiftedTimeProvider.FromOption(args.Get("clock"));
        int synthetic = args.GetInt("synthetic") ?? 0;
        args.EnsureAllRead();
        if (synthetic < 0) throw new CliException("--synthetic must be 0 or more");
        var db = await DataStore.OpenAsync(settings, clock, ct);
        output.WriteLine($"database {db.FilePath}: migrated, demo participants seeded");
        if (synthetic > 0)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            long added = await new SyntheticSeeder(db, clock).SeedAsync(synthetic, ct);
            output.WriteLine($"added {added} synthetic participants in {started.Elapsed.TotalSeconds:0.0} s");
        }
        return 0;
    }
}
