namespace VikaIvr.Fuzz;

/// <summary>Runs saved inputs through a target without afl: each one either passes or shows its exception.</summary>
internal static class Replay
{
    public static int Files(IFuzzTarget target, IEnumerable<string> paths)
    {
        var failed = 0;
        foreach (var path in paths)
        {
            try
            {
                target.Run(File.ReadAllBytes(path));
                Console.WriteLine($"ok    {path}");
            }
            catch (Exception ex) when (ex is not IOException and not UnauthorizedAccessException)
            {
                failed++;
                Console.WriteLine($"FAIL  {path}: {ex}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
