using VikaIvr.Server.Cli;
using VikaIvr.Server.Commands;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => cts.Cancel();

var output = Console.Out;
var error = Console.Error;
IVikaCommand[] commands =
[
    new DbSeedCommand(output),
    new CdrCommand(output),
];
return await new CommandDispatcher(commands, output, error).RunAsync(args, cts.Token);
