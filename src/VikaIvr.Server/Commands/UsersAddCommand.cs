using System.CommandLine;
using VikaIvr.Data.Audit;
using VikaIvr.Data.Users;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika users add NAME --role operator|supervisor|admin`: a console account, its password read
/// from the first line of standard input (never an argument: arguments show in `ps` and the shell's
/// history), stored only as its hash. An existing name gets the new password and role.
/// </summary>
public sealed class UsersAddCommand(TextWriter output, TextWriter error, TextReader input) : IVikaCommand
{
    public string Name => "users add";

    public Command Create()
    {
        var name = PositionalArgument.Create<string>("NAME", "the account's name");
        var role = new Option<string>("--role") { HelpName = "ROLE", Description = "operator (prompts), supervisor (calls, reports) or admin (everything)", Required = true };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.All]);
        var settings = new CommandSettings(SettingOptions.Data());
        var command = new Command("add", "add a console account (password from standard input)") { name, role };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error,
            () => RunAsync(settings.Read(result), result.GetValue(name)!, result.GetValue(role)!, ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, string name, string role, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsWhiteSpace)) throw new CliException("a user name is 1 to 64 characters without spaces");
        string? password = await input.ReadLineAsync(ct);
        if (string.IsNullOrEmpty(password)) throw new CliException("no password on standard input (e.g. `echo \"$PASSWORD\" | vika users add NAME --role R`)");
        if (password.Length < ConsolePasswords.MinLength) throw new CliException($"the password needs at least {ConsolePasswords.MinLength} characters");

        var db = await DataStore.OpenAsync(settings, TimeProvider.System, ct);
        string hash = new ConsolePasswords().Hash(password);
        bool added = await new UserStore(db).AddOrUpdateAsync(name, hash, role, TimeProvider.System.GetUtcNow(), ct);
        await new AuditLog(db, TimeProvider.System).AddAsync("cli", added ? "user.add" : "user.update", name, "role " + role, ct);
        output.WriteLine(added ? $"user {name} added with role {role}" : $"user {name} updated: role {role}, new password");
        return 0;
    }
}
