using VikaIvr.Server.Cli;
using VikaIvr.Server.Commands;

var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => cts.Cancel();

var output = Console.Out;
var error = Console.Error;
IVikaCommand[] commands =
[
    new DbSeedCommand(output),
    new CdrCommand(output),
    new ServeCommand(output, error),
    new SipParseCommand(output, error),
];
return await new CommandDispatcher(commands, output, error).RunAsync(args, cts.Token);
