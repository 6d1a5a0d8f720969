using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika serve`: the SIP server answering the service numbers with the VIKA flow, on the Generic
/// Host (<see cref="ServeHost"/>). It runs until SIGTERM or Ctrl+C, then hangs up the calls, writes
/// their records and exits 0; a bad setting or a part that cannot start exits 1 with the reason.
/// </summary>
public sealed class ServeCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "serve";

    public Command Create()
    {
        var clock = ClockOption.Create();
        var logLevel = new Option<LogLevel>("--log-level")
        {
            HelpName = "LEVEL",
            Description = "Trace, Debug, Information, Warning, Error, Critical or None",
            DefaultValueFactory = _ => LogLevel.Information,
        };
        var settings = new CommandSettings(
            SettingOptions.Bind(), SettingOptions.SipPort(), SettingOptions.RtpPorts(), SettingOptions.Data(), SettingOptions.Flow(),
            SettingOptions.Prompts(), SettingOptions.AnswerDelayMs(), SettingOptions.AgentUri(), SettingOptions.StatsSeconds(), SettingOptions.Priority());
        var command = new Command("serve", "the SIP server answering the service numbers with the VIKA flow") { clock, logLevel };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () =>
        {
            string home = VikaConfiguration.FindHome();
            return RunAsync(settings.Configuration(result, home), home, ShiftedTimeProvider.FromOption(result.GetValue(clock)), result.GetValue(logLevel), ct);
        }));
        return command;
    }

    public async Task<int> RunAsync(IConfiguration configuration, string home, TimeProvider clock, LogLevel level, CancellationToken ct)
    {
        IHost host;
        try
        {
            host = ServeHost.Build(configuration, home, clock, level);
            SettingsCheck.Validate(host.Services, configuration);
        }
        catch (Exception ex) when (SettingsCheck.Describe(ex, configuration) is { Count: > 0 } lines)
        {
            throw new SettingsException(lines);
        }

        try
        {
            try
            {
                await host.StartAsync(ct).ConfigureAwait(false);
            }
            catch (ServeStartException ex)
            {
                foreach (var line in ex.Lines) error.WriteLine(line);
                await StopAfterFailedStartAsync(host).ConfigureAwait(false);
                return 1;
            }

            output.Flush();
            await host.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (host is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
            else host.Dispose();
        }
    }

    /// <summary>Stops the parts that did start (their threads and sockets), bounded by the stop time.</summary>
    private static async Task StopAfterFailedStartAsync(IHost host)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.StopApplication();
        try
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (AggregateException)
        {
            // Parts that never started may fail to stop; the start failure is what gets reported.
        }
    }
}
