using VikaIvr.Server.Cli;

// Ctrl+C cancels the running command; `serve` stops through its host, which handles SIGINT and SIGTERM itself.
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await VikaCommandLine.InvokeAsync(args, Console.Out, Console.Error, cts.Token);
