using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Rtp;
using VikaIvr.Server.Cli;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika call sip:165@HOST:PORT`: one real call with the built-in test caller, for a person:
/// prints the progress, sends the keys, records what the server played.
/// </summary>
public sealed class CallCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "call";

    public Command Create()
    {
        var target = PositionalArgument.Create<string>("TARGET", "sip:165@HOST:PORT[;transport=tcp]");
        var dtmf = new Option<string>("--dtmf") { HelpName = "PLAN", Description = "keys to send: \"1,w,1,3171011708850001#\" (w = wait 1 s)", DefaultValueFactory = _ => "" };
        var dtmfMode = new Option<string>("--dtmf-mode") { HelpName = "rfc4733|info|inband", Description = "how the keys are sent", DefaultValueFactory = _ => "rfc4733" };
        var codec = new Option<string>("--codec") { HelpName = "pcmu|pcma", Description = "the codec offered", DefaultValueFactory = _ => "pcmu" };
        var record = new Option<string>("--record") { HelpName = "out.wav", Description = "record what the server played" };
        var duration = new Option<string>("--duration") { HelpName = "S", Description = "seconds before hanging up", DefaultValueFactory = _ => "10" };
        var from = new Option<string>("--from") { HelpName = "NUMBER", Description = "our number (the From user)" };
        var srtp = new Option<bool>("--srtp") { Description = "offer RTP/SAVP with SDES keys and insist on SRTP" };
        var command = new Command("call", "one real call with the built-in test caller") { target, dtmf, dtmfMode, codec, record, duration, from, srtp };
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(
            new CallRequest(result.GetValue(target)!, result.GetValue(dtmf)!, result.GetValue(dtmfMode)!, result.GetValue(codec)!,
                result.GetValue(record), result.GetValue(from), result.GetValue(duration)!, result.GetValue(srtp)), ct)));
        return command;
    }

    public async Task<int> RunAsync(CallRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        string target = request.Target;
        string plan = request.Dtmf;
        string modeText = request.DtmfMode;
        string codecText = request.Codec;
        string? record = request.Record;
        string? from = request.From;
        double seconds = ParseSeconds(request.Duration);
        if (!TestCallerDtmfModes.TryParse(modeText, out var mode)) throw new CliException($"--dtmf-mode must be rfc4733, info or inband, not '{modeText}'");
        var codec = codecText.ToLowerInvariant() switch
        {
            "pcmu" => RtpAudioCodec.Pcmu,
            "pcma" => RtpAudioCodec.Pcma,
            _ => throw new CliException($"--codec must be pcmu or pcma, not '{codecText}'"),
        };
        IReadOnlyList<KeyPlanStep> steps;
        try
        {
            steps = KeyPlan.Parse(plan);
        }
        catch (FormatException ex)
        {
            throw new CliException("--dtmf: " + ex.Message);
        }

        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        var started = DateTime.UtcNow;
        string Stamp() => ((DateTime.UtcNow - started).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(7);
        var options = new TestCallerOptions
        {
            Codec = codec,
            DtmfMode = mode,
            Srtp = request.Srtp,
            OnEvent = ev =>
            {
                lock (output) output.WriteLine($"{Stamp()}  {ev}");
            },
        };
        if (from is not null) options.FromUser = from;

        output.WriteLine($"{Stamp()}  INVITE {target} ({codecText.ToUpperInvariant()}, keys by {TestCallerDtmfModes.Name(mode)})");
        TestCaller caller;
        try
        {
            caller = await TestCaller.DialAsync(target, options, loggers, ct);
        }
        catch (Exception ex) when (ex is ArgumentException or TimeoutException or System.Net.Sockets.SocketException)
        {
            error.WriteLine("vika call: " + ex.Message);
            return 1;
        }

        await using (caller)
        {
            if (!caller.IsEstablished)
            {
                error.WriteLine($"vika call: the call was not answered: {caller.FinalResponse?.StatusCode} {caller.FinalResponse?.ReasonPhrase}");
                return 1;
            }

            lock (output) output.WriteLine($"{Stamp()}  media {caller.Negotiated!.Codec} to {caller.Negotiated.RemoteEndPoint}, telephone-event {caller.Negotiated.TelephoneEventPayloadType?.ToString(CultureInfo.InvariantCulture) ?? "none"}{(caller.Negotiated.Srtp is { } s ? ", " + s : "")}");
            using var callEnd = CancellationTokenSource.CreateLinkedTokenSource(ct, caller.Ended);
            callEnd.CancelAfter(TimeSpan.FromSeconds(seconds));
            try
            {
                await PlayPlanAsync(caller, steps, Stamp, callEnd.Token);
                await Task.Delay(Timeout.Infinite, callEnd.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The duration elapsed or the server hung up.
            }
            catch (InvalidOperationException ex)
            {
                error.WriteLine("vika call: " + ex.Message);
            }

            bool serverHungUp = caller.Ended.IsCancellationRequested;
            await caller.HangupAsync(CancellationToken.None);
            var heard = caller.Received.Snapshot();
            lock (output)
            {
                output.WriteLine($"{Stamp()}  call ended ({(serverHungUp ? "by the server" : "by us")}); received {heard.Length / 8000.0:0.00} s of audio in {caller.Received.Packets} packets");
            }

            if (record is not null)
            {
                var path = Path.GetFullPath(record);
                WavWriter.Write(path, heard, 8000);
                output.WriteLine($"recorded {path}");
            }
        }

        return 0;
    }

    private async Task PlayPlanAsync(TestCaller caller, IReadOnlyList<KeyPlanStep> steps, Func<string> stamp, CancellationToken ct)
    {
        foreach (var step in steps)
        {
            if (step.IsPause)
            {
                await Task.Delay(step.Pause, ct);
                continue;
            }

            await caller.SendDigitsAsync(step.Keys, TimeSpan.FromMilliseconds(100), ct);
            lock (output) output.WriteLine($"{stamp()}  sent keys {Flows.Scripting.KeyText.Mask(step.Keys)}");
        }
    }

    private static double ParseSeconds(string text) =>
        double.TryParse(text.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? s : throw new CliException($"--duration needs seconds, not '{text}'");
}
