using System.CommandLine;
using VikaIvr.Server.Cli;
using VikaIvr.Sip.Message;

namespace VikaIvr.Server.Commands;

/// <summary>`vika sip parse FILE`: the parsed structure of a raw SIP message, for people debugging a trunk.</summary>
public sealed class SipParseCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "sip parse";

    public Command Create()
    {
        var file = PositionalArgument.Create<string>("FILE", "a raw SIP message; '-' reads standard input");
        var command = new Command("parse", "the parsed structure of a raw SIP message (exit 1 and the reason if malformed)") { file };
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(result.GetValue(file)!, ct)));
        return command;
    }

    public Task<int> RunAsync(string path, CancellationToken ct)
    {
        byte[] data;
        try
        {
            data = path == "-" ? ReadAll(Console.OpenStandardInput()) : File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            error.WriteLine($"vika sip parse: cannot read {path}: {ex.Message}");
            return Task.FromResult(1);
        }
        if (SipParser.TryParse(data.AsSpan(), SipParserOptions.Default, out var message, out var fault) && message is not null)
        {
            output.Write(SipMessageFormatter.Describe(message));
            return Task.FromResult(0);
        }
        error.WriteLine($"{path}: malformed SIP message: {fault?.Reason} (a server answers {fault?.StatusCode})");
        return Task.FromResult(1);
    }

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
