using VikaIvr.Data.Audit;
using VikaIvr.Data.Users;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Commands;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Tests.Web;

/// <summary>`vika users add`: the password from standard input, stored only as its hash; what it refuses.</summary>
public sealed class UsersAddCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vika-users-").FullName;

    [Fact]
    public async Task The_password_comes_from_standard_input_and_only_its_hash_is_stored()
    {
        var (status, output, error) = await RunAsync("rahasia-sekali-1\n", "users", "add", "sari", "--role", "operator");

        Assert.True(status == 0, error);
        Assert.Contains("user sari added with role operator", output, StringComparison.Ordinal);
        var user = await FindAsync("sari");
        Assert.NotNull(user);
        Assert.Equal(ConsoleRoles.Operator, user.Role);
        Assert.False(user.Disabled);
        Assert.NotEqual("rahasia-sekali-1", user.PasswordHash);
        Assert.DoesNotContain("rahasia-sekali-1", user.PasswordHash, StringComparison.Ordinal);
        Assert.True(new ConsolePasswords().Verify(user, "rahasia-sekali-1"));
        Assert.False(new ConsolePasswords().Verify(user, "rahasia-sekali-2"));
        Assert.DoesNotContain("rahasia", output + error, StringComparison.Ordinal);
        var audit = Assert.Single(await new AuditLog(await OpenAsync(), TimeProvider.System).GetLatestAsync(10, CancellationToken.None));
        Assert.Equal(("cli", "user.add", "sari"), (audit.Actor, audit.Action, audit.Subject));
    }

    [Fact]
    public async Task The_same_password_twice_gives_two_different_hashes()
    {
        await RunAsync("rahasia-sekali-1\n", "users", "add", "sari", "--role", "operator");
        string first = (await FindAsync("sari"))!.PasswordHash;

        var (status, output, _) = await RunAsync("rahasia-sekali-1\n", "users", "add", "sari", "--role", "admin");

        Assert.Equal(0, status);
        Assert.Contains("user sari updated", output, StringComparison.Ordinal);
        var user = (await FindAsync("sari"))!;
        Assert.Equal(ConsoleRoles.Admin, user.Role);
        Assert.NotEqual(first, user.PasswordHash);
    }

    [Fact]
    public async Task A_short_password_is_refused_and_nothing_is_stored()
    {
        var (status, _, error) = await RunAsync("pendek\n", "users", "add", "sari", "--role", "operator");

        Assert.Equal(2, status);
        Assert.Contains($"at least {ConsolePasswords.MinLength} characters", error, StringComparison.Ordinal);
        Assert.DoesNotContain("pendek", error, StringComparison.Ordinal);
        Assert.Null(await FindAsync("sari"));
    }

    [Fact]
    public async Task No_password_on_standard_input_is_refused()
    {
        var (status, _, error) = await RunAsync("", "users", "add", "sari", "--role", "operator");

        Assert.Equal(2, status);
        Assert.Contains("no password on standard input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_exits_2_naming_the_roles()
    {
        var error = new StringWriter();

        int status = await VikaCommandLine.InvokeAsync(["users", "add", "sari", "--role", "boss", "--data", _dir], new StringWriter(), error, CancellationToken.None);

        Assert.Equal(2, status);
        Assert.Contains("boss", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("operator", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_spaces_is_refused()
    {
        var (status, _, error) = await RunAsync("rahasia-sekali-1\n", "users", "add", "sari dewi", "--role", "operator");

        Assert.Equal(2, status);
        Assert.Contains("without spaces", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // The SQLite pool may still hold the file a moment; a temp folder left behind is harmless.
        }
    }

    private async Task<(int Status, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = VikaCommandLine.Create([new UsersAddCommand(output, error, new StringReader(stdin))]);
        var parsed = root.Parse([.. args, "--data", _dir]);
        int status;
        if (parsed.Errors.Count > 0)
        {
            // As VikaCommandLine.InvokeAsync answers a usage error.
            foreach (var problem in parsed.Errors) error.WriteLine(problem.Message);
            status = 2;
        }
        else
        {
            status = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        }

        return (status, output.ToString(), error.ToString());
    }

    private Task<VikaIvr.Data.IVikaDatabase> OpenAsync() =>
        DataStore.OpenAsync(new VikaSettings { Data = { Directory = _dir } }, TimeProvider.System, CancellationToken.None);

    private async Task<ConsoleUser?> FindAsync(string name) =>
        await new UserStore(await OpenAsync()).FindAsync(name, CancellationToken.None);
}
