using VikaIvr.Server.Cli;
using VikaIvr.Server.Commands;
using VikaIvr.Server.Commands.LiveScript;

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
    new FlowValidateCommand(output, error),
    new SimulateCommand(output, error, new LiveScriptRunner(output, error).RunAsync),
    new CallCommand(output, error),
    new PromptsListCommand(output),
    new PromptsImportCommand(output, error),
    new PromptsSynthCommand(output, error),
    new PromptsCheckCommand(output, error),
    new AudioConvertCommand(output, error),
    new DtmfDetectCommand(output, error),
];
return await new CommandDispatcher(commands, output, error).RunAsync(args, cts.Token);
