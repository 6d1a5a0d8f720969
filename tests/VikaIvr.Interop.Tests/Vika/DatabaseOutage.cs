namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// Makes the server's SQLite file unusable (garbage bytes over vika.db, its -wal and -shm
/// removed) and puts the saved files back. The server opens the file for every lookup, so the
/// next lookup fails; call records are written to the same file at the end of a call, so the
/// test restores it before its call ends.
/// </summary>
public sealed class DatabaseOutage
{
    private static readonly string[] Suffixes = [string.Empty, "-wal", "-shm"];
    private readonly string _database;
    private readonly string _backupDir = Directory.CreateTempSubdirectory("vika-db-backup-").FullName;

    public DatabaseOutage(string dataDir) => _database = Path.Combine(dataDir, "vika.db");

    public void Break()
    {
        foreach (var suffix in Suffixes)
        {
            var file = _database + suffix;
            if (File.Exists(file))
            {
                File.Copy(file, Path.Combine(_backupDir, "vika.db" + suffix), overwrite: true);
            }
        }

        var garbage = new byte[64 * 1024];
        new Random(165).NextBytes(garbage);
        File.WriteAllBytes(_database, garbage);
        File.Delete(_database + "-wal");
        File.Delete(_database + "-shm");
    }

    public void Restore()
    {
        foreach (var suffix in Suffixes)
        {
            var saved = Path.Combine(_backupDir, "vika.db" + suffix);
            if (File.Exists(saved))
            {
                File.Copy(saved, _database + suffix, overwrite: true);
            }
            else
            {
                File.Delete(_database + suffix);
            }
        }

        Directory.Delete(_backupDir, recursive: true);
    }
}
