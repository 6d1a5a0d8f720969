using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Dapper;
using Microsoft.Data.Sqlite;
using VikaIvr.Data;
using VikaIvr.Data.Participants;
using VikaIvr.Data.Synthetic;

namespace VikaIvr.Benchmarks.Data;

/// <summary>
/// Participant lookup by NIK and by card number in a database of 1,000,000 synthetic
/// participants (plus the demo six), through the same repository a call uses (pooled
/// connection, Dapper, mapping). Each iteration is one lookup, so the mean, P95 and P99
/// columns are per-lookup latencies. Target (issue 4): p99 under 1 ms.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*ParticipantLookup*'
/// (setup builds the database once, about half a minute).
/// </summary>
[Config(typeof(LookupConfig))]
[MemoryDiagnoser]
public class ParticipantLookupBenchmark
{
    public const int Participants = 1_000_000;
    private const int KeyCount = 4096;

    private string _directory = "";
    private SqliteParticipantRepository _repository = null!;
    private string[] _niks = [];
    private string[] _cards = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vika-bench-" + Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = _directory });
        database.InitializeAsync(TimeProvider.System, default).GetAwaiter().GetResult();
        new SyntheticSeeder(database, TimeProvider.System).SeedAsync(Participants, default).GetAwaiter().GetResult();

        using (var connection = database.OpenSqliteAsync(default).GetAwaiter().GetResult())
        {
            // Random rows, so lookups hit cold and warm parts of the index alike.
            var keys = connection.Query<(string Nik, string Card)>(
                "SELECT nik AS Nik, card AS Card FROM participants ORDER BY random() LIMIT @KeyCount", new { KeyCount }).ToList();
            _niks = keys.Select(k => k.Nik).ToArray();
            _cards = keys.Select(k => k.Card).ToArray();
        }

        _repository = new SqliteParticipantRepository(database);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Benchmark]
    public async Task<object?> ByNik() =>
        await _repository.FindByNikAsync(_niks[_next++ % _niks.Length], CancellationToken.None).ConfigureAwait(false)
        ?? throw new InvalidOperationException("A seeded NIK was not found.");

    [Benchmark]
    public async Task<object?> ByCard() =>
        await _repository.FindByCardAsync(_cards[_next++ % _cards.Length], CancellationToken.None).ConfigureAwait(false)
        ?? throw new InvalidOperationException("A seeded card number was not found.");

    private sealed class LookupConfig : ManualConfig
    {
        public LookupConfig()
        {
            // One lookup per iteration: percentiles are of single lookups, not of batch averages.
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Throughput)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(200)
                .WithIterationCount(5000));
            AddColumn(StatisticColumn.P95, new P99Column());
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
