using System.CommandLine;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Flows;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika flow reload [FILE]`: checks the flow (as `vika flow validate`), stores it as a new revision
/// and activates it in the database; running servers follow within about a second. An invalid flow
/// is refused with every error and its line, and nothing is stored.
/// </summary>
public sealed class FlowReloadCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "flow reload";

    public Command Create()
    {
        var file = PositionalArgument.Create<string?>("FILE", "the flow to activate (default: the configured one)", ArgumentArity.ZeroOrOne);
        var comment = new Option<string?>("--comment") { HelpName = "TEXT", Description = "why, kept with the revision" };
        var author = new Option<string?>("--author") { HelpName = "NAME", Description = "who (default: the user running the command)" };
        var settings = new CommandSettings(SettingOptions.Data(), SettingOptions.Prompts(), SettingOptions.Flow());
        var command = new Command("reload", "check a flow, store it as a new revision and activate it for new calls") { file, comment, author };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result), result.GetValue(file),
            result.GetValue(comment), result.GetValue(author), ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, string? file, string? comment, string? author, CancellationToken ct)
    {
        var services = VikaServices.Create(settings, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        string path = file is null ? services.FlowFile : Path.GetFullPath(file);
        string yaml;
        try
        {
            yaml = await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot be read: {ex.Message}");
            return 1;
        }

        var errors = FlowRevisionCheck.AsValidate(services, services.OpenPrompts()).Check(yaml, path).Errors;
        if (errors.Count > 0)
        {
            foreach (var e in errors) error.WriteLine(e);
            error.WriteLine($"{path}: invalid ({errors.Count} errors); nothing activated");
            return 1;
        }

        var db = await services.OpenDatabaseAsync(ct);
        var store = new FlowRevisionStore(db);
        var active = await store.GetActiveAsync(ct);
        if (active is not null && active.ContentHash == FlowRevisionStore.Hash(yaml))
        {
            output.WriteLine($"{path}: already active as revision {active.Id}");
            return 0;
        }

        string who = string.IsNullOrWhiteSpace(author) ? Environment.UserName : author.Trim();
        var now = TimeProvider.System.GetUtcNow();
        var revision = await store.AddAsync(yaml, who, FlowRevisionSources.Cli, comment ?? "vika flow reload " + path, now, ct);
        await store.ActivateAsync(revision.Id, now, ct);
        await new AuditLogFlowTrail(new VikaIvr.Data.Audit.AuditLog(db, TimeProvider.System)).ActivatedAsync(who, revision, ct);
        output.WriteLine($"revision {revision.Id} activated by {who}: running servers take it for new calls within a second");
        return 0;
    }
}
