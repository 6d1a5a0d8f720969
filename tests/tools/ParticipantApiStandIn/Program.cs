using Microsoft.Extensions.Configuration;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;
using VikaIvr.Tools.ParticipantApiStandIn;

// dotnet ParticipantApiStandIn.dll [--port=0] [--mode=Normal|Slow|Failing|...] [--month=yyyy-MM]
// Serves VIKA.md's six demo participants until Ctrl+C or SIGTERM; prints its URL first.
var settings = new ConfigurationBuilder().AddCommandLine(args).Build();
int port = int.Parse(settings["port"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
var month = settings["month"] is { } m ? YearMonth.Parse(m) : JakartaTime.CurrentMonth(TimeProvider.System);
await using var standIn = await ParticipantApiStandIn.StartAsync(DemoParticipants.For(month), port);
standIn.Mode = Enum.Parse<StandInMode>(settings["mode"] ?? nameof(StandInMode.Normal), ignoreCase: true);
Console.WriteLine(standIn.Url);
var stop = new TaskCompletionSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    stop.TrySetResult();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
