using SharpFuzz;
using VikaIvr.Fuzz;

// vika-fuzz list                  the targets, one a line (scripts/fuzz.sh all)
// vika-fuzz TARGET                the afl-fuzz child: SharpFuzz's fork server, one input per run on stdin
// vika-fuzz TARGET FILE...        replays inputs outside afl (a finding's reproduction, the seeds' check)
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: VikaIvr.Fuzz list | TARGET [FILE...]");
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "list")
{
    foreach (var t in FuzzTargets.All)
    {
        Console.WriteLine(t.Name + "\t" + t.Covers);
    }

    return 0;
}

var target = FuzzTargets.Find(args[0]);
if (target is null)
{
    Console.Error.WriteLine($"unknown target '{args[0]}'; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

if (args.Length > 1)
{
    return Replay.Files(target, args[1..]);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
