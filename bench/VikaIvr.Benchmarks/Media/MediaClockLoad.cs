using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// In-process media-clock load (issue 3): N calls each sending a 20 ms G.711 frame every 20 ms
/// on the real pacer threads (<see cref="StopwatchTickSource"/>) to a loopback sink that does
/// not read. By default every call is a real <see cref="MediaSession"/> (its own RTP/RTCP
/// sockets on 127.0.0.1, playing a shared prompt, RTCP reports); --simulated uses streams that
/// do only the per-frame work on one shared socket; --paired makes calls send to each other
/// in pairs, so every call also receives 50 packets a second (through the shared MediaReceiver,
/// or with --async-receive through each session's own async loops). After a warm-up it measures for S seconds:
/// CPU per call (process CPU time / calls / seconds), allocations per frame
/// (GC.GetTotalAllocatedBytes delta / frames, all threads) and the lateness of frame sends
/// (time from the slot's deadline to the moment the frame's send returned; p50/p99/p99.9/max
/// from the clock's LatenessHistogram, reset after the warm-up). --calls 0 measures the idle clock.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- media-clock [--calls 2000] [--seconds 20] [--slots 20] [--priority high] [--spin] [--simulated | --paired [--async-receive]]
/// </summary>
public static class MediaClockLoad
{
    public static void Run(string[] args)
    {
        MediaClockLoadOptions options;
        try
        {
            options = MediaClockLoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.ExitCode = 2;
            return;
        }

        RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(MediaClockLoadOptions options)
    {
        using var sink = DiscardSink.Open();
        var clockOptions = new MediaClockOptions
        {
            MaxPacerThreads = options.MaxPacers,
            SlotsPerPeriod = options.Slots,
            PacerPriority = options.Priority,
            SpinBeforeDeadline = options.Spin,
        };
        var pacers = new StopwatchTickSource(clockOptions);
        var ticks = new WindowedLatenessTickSource(pacers);
        using var clock = new MediaClock(clockOptions, ticks, NullLogger<MediaClock>.Instance);
        using var receiver = options.AsyncReceive || !MediaReceiver.IsSupported ? null : new MediaReceiver(new MediaReceiverOptions(), NullLogger<MediaReceiver>.Instance);
        receiver?.Start();
        var prompt = MakePrompt(TimeSpan.FromSeconds(options.Seconds + options.WarmupSeconds + 10));
        var sessions = new List<MediaSession>();
        var simulated = new List<SimulatedCall>();
        var registrations = new List<PacerRegistration>();
        Socket? shared = null;

        Console.WriteLine($"media-clock: {options.Calls} {(options.Simulated ? "simulated calls" : "MediaSessions")}, "
            + $"{clock.PacerCount} pacers x {clock.SlotsPerPeriod} slots on {Environment.ProcessorCount} cores, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured, "
            + $"priority {options.Priority}{(options.Spin ? ", spin" : "")}{(options.Paired ? options.AsyncReceive ? ", paired, async receive loops" : ", paired, epoll receiver" : "")}");
        clock.Start();
        try
        {
            if (options.Simulated)
            {
                shared = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                shared.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var to = SimulatedCall.AddressOf(sink.RtpEndPoint);
                for (int i = 0; i < options.Calls; i++)
                {
                    var call = new SimulatedCall(prompt, shared, to, (uint)(i + 1));
                    simulated.Add(call);
                    registrations.Add(clock.Add(call, TimeSpan.FromMilliseconds(20)));
                }
            }
            else
            {
                var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 30000, MaxPort = 30000 + (options.Calls * 2) + 200 });
                var media = new NegotiatedMedia(RtpAudioCodec.Pcmu, 101, 20, sink.RtpEndPoint, SdpDirection.SendRecv);
                var sessionOptions = new MediaSessionOptions();
                for (int i = 0; options.Paired && i + 1 < options.Calls; i += 2)
                {
                    // Two calls sending to each other: each one's receive loop gets 50 packets a second.
                    var a = new MediaSession(clock, ports.Allocate(IPAddress.Loopback), sessionOptions, TimeProvider.System, NullLogger<MediaSession>.Instance, receiver);
                    var b = new MediaSession(clock, ports.Allocate(IPAddress.Loopback), sessionOptions, TimeProvider.System, NullLogger<MediaSession>.Instance, receiver);
                    sessions.Add(a);
                    sessions.Add(b);
                    a.Start(new NegotiatedMedia(RtpAudioCodec.Pcmu, 101, 20, b.LocalEndPoint, SdpDirection.SendRecv));
                    b.Start(new NegotiatedMedia(RtpAudioCodec.Pcmu, 101, 20, a.LocalEndPoint, SdpDirection.SendRecv));
                    _ = a.Play(prompt);
                    _ = b.Play(prompt);
                }

                for (int i = sessions.Count; i < options.Calls; i++)
                {
                    var session = new MediaSession(clock, ports.Allocate(IPAddress.Loopback), sessionOptions, TimeProvider.System, NullLogger<MediaSession>.Instance, receiver);
                    sessions.Add(session);
                    session.Start(media);
                    _ = session.Play(prompt);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds)).ConfigureAwait(false);
            var measurement = new MediaClockMeasurement(options, clock, pacers, ticks);
            await Task.Delay(TimeSpan.FromSeconds(options.Seconds)).ConfigureAwait(false);
            measurement.Finish(sessions, simulated);
        }
        finally
        {
            foreach (var r in registrations)
            {
                r.Dispose();
            }

            foreach (var s in sessions)
            {
                await s.DisposeAsync().ConfigureAwait(false);
            }

            shared?.Dispose();
        }
    }

    private static EncodedAudio MakePrompt(TimeSpan length)
    {
        var samples = new short[(int)(length.TotalSeconds * 8000)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * 425 * i / 8000.0));
        }

        return EncodedAudio.Encode(samples, RtpAudioCodec.Pcmu, "bench-tone");
    }

    internal static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    internal static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
