using System.Globalization;

namespace VikaIvr.Benchmarks.Media;

/// <summary>Command line of the media-clock load: --calls N --seconds S [--warmup S] [--pacers N] [--slots N] [--priority normal|high|realtime] [--spin] [--simulated | --paired [--async-receive]].</summary>
internal sealed class MediaClockLoadOptions
{
    public int Calls { get; private set; } = 2000;

    public int Seconds { get; private set; } = 20;

    public int WarmupSeconds { get; private set; } = 3;

    public int MaxPacers { get; private set; } = 4;

    /// <summary>Phase slots per 20 ms period (MediaClockOptions.SlotsPerPeriod); more slots spread the sends thinner.</summary>
    public int Slots { get; private set; } = new VikaIvr.Media.Clock.MediaClockOptions().SlotsPerPeriod;

    /// <summary>Pacer thread priority (MediaClockOptions.PacerPriority).</summary>
    public VikaIvr.Media.Clock.PacerThreadPriority Priority { get; private set; } = new VikaIvr.Media.Clock.MediaClockOptions().PacerPriority;

    /// <summary>Spin briefly before each slot with work (MediaClockOptions.SpinBeforeDeadline).</summary>
    public bool Spin { get; private set; }

    /// <summary>Streams that do the per-frame work on one shared socket instead of real MediaSessions.</summary>
    public bool Simulated { get; private set; }

    /// <summary>Sessions in pairs sending to each other: every call also receives 50 packets a second (the receive path measured too).</summary>
    public bool Paired { get; private set; }

    /// <summary>Each session receives on its own async loops instead of the shared epoll MediaReceiver.</summary>
    public bool AsyncReceive { get; private set; }

    public static MediaClockLoadOptions Parse(string[] args)
    {
        var options = new MediaClockLoadOptions();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls":
                    options.Calls = Number(args, ++i);
                    break;
                case "--seconds":
                    options.Seconds = Number(args, ++i);
                    break;
                case "--warmup":
                    options.WarmupSeconds = Number(args, ++i);
                    break;
                case "--pacers":
                    options.MaxPacers = Number(args, ++i);
                    break;
                case "--slots":
                    options.Slots = Math.Max(1, Number(args, ++i));
                    break;
                case "--priority":
                    options.Priority = ++i < args.Length && Enum.TryParse<VikaIvr.Media.Clock.PacerThreadPriority>(args[i], ignoreCase: true, out var priority)
                        ? priority
                        : throw new ArgumentException("'--priority' needs normal, high or realtime.");
                    break;
                case "--spin":
                    options.Spin = true;
                    break;
                case "--simulated":
                    options.Simulated = true;
                    break;
                case "--paired":
                    options.Paired = true;
                    break;
                case "--async-receive":
                    options.AsyncReceive = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Use --calls N --seconds S [--warmup S] [--pacers N] [--slots N] [--priority normal|high|realtime] [--spin] [--simulated | --paired [--async-receive]].");
            }
        }

        return options;
    }

    private static int Number(string[] args, int index)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 0)
        {
            throw new ArgumentException($"'{args[index - 1]}' needs a non-negative whole number.");
        }

        return value;
    }
}
