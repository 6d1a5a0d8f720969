using System.Net;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>The console's signing keys live in the data folder: a restart keeps everyone signed in.</summary>
[Collection(InteropCollection.Name)]
public sealed class ConsoleKeysTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_restart_keeps_the_session_and_the_keys_folder_is_owner_only()
    {
        string dataDir = Directory.CreateTempSubdirectory("vika-console-keys-").FullName;
        try
        {
            var admin = ConsoleAccount.Admin;
            var added = await VikaUsersCli.AddAsync(dataDir, admin.Name, admin.Role, admin.Password, TimeSpan.FromSeconds(60));
            Assert.True(added.ExitCode == 0, added.Describe());
            var cookies = new CookieContainer();
            await using (var first = await ServerProcess.StartAsync(new ServerOptions { DataDir = dataDir }))
            {
                using var http = new ConsoleHttp(first.AdminUrl, cookies);
                Assert.Equal(HttpStatusCode.Redirect, (await http.SignInAsync(admin)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/users")).Response.StatusCode);
            }

            await using var second = await ServerProcess.StartAsync(new ServerOptions { DataDir = dataDir });
            using var again = new ConsoleHttp(second.AdminUrl, cookies);
            var (users, _) = await again.GetAsync("/users");

            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
            string keys = Path.Combine(dataDir, "console-keys");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
