namespace VikaIvr.Fuzz;

/// <summary>Runs saved inputs through a target without afl: each one either passes or shows its exception.</summary>
internal static class Replay
{
    public static int Files(IFuzzTarget target, IEnumerable<string> paths)
    {
        var failed = 0;
        foreach (var path in paths)
        {
            var input = File.ReadAllBytes(path);
            try
            {
                target.Run(input);
                Console.WriteLine($"ok    {path}");
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"FAIL  {path}: {ex}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
