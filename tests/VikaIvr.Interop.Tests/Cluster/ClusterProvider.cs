using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// The store the cluster tests run their nodes on: PostgreSQL (one database for every node) where
/// the project ships scripts/postgres.sh, else SQLite (one database per node).
/// VIKA_CLUSTER_PROVIDER=sqlite|postgres chooses explicitly.
/// </summary>
public static class ClusterProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string Default
    {
        get
        {
            var chosen = Environment.GetEnvironmentVariable("VIKA_CLUSTER_PROVIDER");
            if (!string.IsNullOrEmpty(chosen))
            {
                return chosen is Sqlite or Postgres
                    ? chosen
                    : throw new InvalidOperationException($"VIKA_CLUSTER_PROVIDER must be {Sqlite} or {Postgres}, not '{chosen}'");
            }

            return File.Exists(Path.Combine(RepoPaths.Root, "scripts", "postgres.sh")) ? Postgres : Sqlite;
        }
    }
}
