using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// The keys that sign the console's cookies and antiforgery tokens, kept in
/// Data:Directory/console-keys so a restart does not sign everyone out. On Linux there is no
/// machine key store to encrypt them with (DPAPI is Windows-only, and a certificate would need
/// its own secret kept somewhere), so they are stored unencrypted in a folder only the server's
/// user may open (0700). ASP.NET Core says so once when it makes a key ("No XML encryptor
/// configured"); that warning is true and is left to show.
/// </summary>
public static class ConsoleKeys
{
    public const string FolderName = "console-keys";

    public const string ApplicationName = "vika-console";

    public static IServiceCollection AddConsoleKeys(this IServiceCollection services, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        string folder = Path.Combine(Path.GetFullPath(dataDirectory), FolderName);
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, ownerOnly);
            // An existing folder keeps its mode on CreateDirectory: tighten it.
            File.SetUnixFileMode(folder, ownerOnly);
        }

        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }
}
