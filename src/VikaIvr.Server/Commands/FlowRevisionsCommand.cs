using System.CommandLine;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika flow revisions [--last N]`: the flow's revisions, newest first, the active one marked.</summary>
public sealed class FlowRevisionsCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "flow revisions";

    public Command Create()
    {
        var last = new Option<int>("--last") { HelpName = "N", Description = "how many revisions", DefaultValueFactory = _ => 20 };
        var settings = new CommandSettings(SettingOptions.Data());
        var command = new Command("revisions", "the flow's revisions, newest first; * marks the active one") { last };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result), result.GetValue(last), ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, int last, CancellationToken ct)
    {
        if (last <= 0) throw new CliException("--last must be at least 1");
        var store = new FlowRevisionStore(await DataStore.OpenAsync(settings, TimeProvider.System, ct));
        long? active = await store.GetActiveIdAsync(ct);
        foreach (var r in await store.ListAsync(last, ct))
        {
            string mark = r.Id == active ? "*" : " ";
            output.WriteLine($"{mark} {r.Id,4}  {r.CreatedAt}  {r.Source,-7}  {r.Author}  activated {r.ActivatedAt ?? "never"}  {r.Comment}");
        }

        return 0;
    }
}
